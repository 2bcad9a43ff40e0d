package com.commhub.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rich text a mail body may keep, and the plain text derived from it. */
class MailSanitizerTests {

	@Test
	void keepsTheAllowedFormattingAndDropsEverythingElse() {
		String html = MailSanitizer.sanitize("""
				<h3 onclick="x()">标题</h3><p style="color:red">正文<b>加粗</b><i>斜体</i><u>下划线</u></p>
				<ul><li>一</li></ul><blockquote>引用</blockquote><table><tr><td colspan="2">格</td></tr></table>
				<a href="https://huaxin.example.cn/a?b=1">链接</a><a href="javascript:alert(1)">坏链接</a>
				<img src=x onerror=alert(1)><script>alert(1)</script><iframe src="//evil"></iframe>
				<a href="mailto:wang@huaxin.example.cn">写信</a><h1>大标题</h1>""");
		assertThat(html).contains("<h3>标题</h3>", "<b>加粗</b>", "<i>斜体</i>", "<u>下划线</u>", "<li>一</li>",
				"<blockquote>引用</blockquote>", "<td colspan=\"2\">格</td>", "href=\"https://huaxin.example.cn/a?b&#61;1\"",
				"href=\"mailto:wang&#64;huaxin.example.cn\"", "rel=\"noopener noreferrer\"", "大标题");
		assertThat(html).doesNotContain("onclick", "style", "javascript", "<img", "onerror", "<script", "iframe", "<h1");
		assertThat(html).contains("坏链接");
	}

	@Test
	void thePlainTextHasTheWordsOnTheirOwnLinesAndEntitiesDecoded() {
		String html = MailSanitizer.sanitize("<p>价格 &lt;b&gt;不含税&lt;/b&gt; &amp; 运费</p><p>第二段<br>换行</p><ul><li>甲</li><li>乙</li></ul>");
		assertThat(MailSanitizer.text(html)).isEqualTo("价格 <b>不含税</b> & 运费\n第二段\n换行\n甲\n乙");
		assertThat(MailSanitizer.text(MailSanitizer.sanitize("a\u0001b\u0002c"))).isEqualTo("abc");
		assertThat(MailSanitizer.sanitize(null)).isEmpty();
	}

	@Test
	void paragraphsEscapeText() {
		assertThat(MailSanitizer.paragraphs("<b>x</b>\n第二行")).isEqualTo("<p>&lt;b&gt;x&lt;/b&gt;</p><p>第二行</p>");
	}
}
