package com.commhub.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessageRenderingTests {

	@Test
	void rendersTheMarkdownSubset() {
		String html = MessageRendering.html("**粗体** *斜体* `代码`\n- 一\n- 二\n\n> 引用", List.of());
		assertThat(html).contains("<strong>粗体</strong>").contains("<em>斜体</em>").contains("<code>代码</code>")
			.contains("<ul>").contains("<li>一</li>").contains("<blockquote>");
	}

	@Test
	void linksGetRelAndTargetAndOnlySafeProtocols() {
		String html = MessageRendering.html("[站点](https://example.cn) [坏](javascript:alert(1))", List.of());
		assertThat(html).contains("href=\"https://example.cn\"").contains("rel=\"nofollow noopener")
			.contains("target=\"_blank\"").doesNotContain("javascript");
	}

	@Test
	void rawHtmlImagesAndHeadingsNeverSurvive() {
		String html = MessageRendering.html("<script>alert(1)</script> <img src=x onerror=alert(1)> ![图](https://x/y.png)\n# 标题",
				List.of());
		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<h1")
			.contains("&lt;script&gt;");
	}

	@Test
	void mentionsAreHighlightedAndEscaped() {
		String html = MessageRendering.html("请 @徐婷 和 @<b>x</b> 看一下", List.of("徐婷", "<b>x</b>"));
		assertThat(html).contains("<span class=\"mention\">&#64;徐婷</span>")
			.contains("<span class=\"mention\">&#64;&lt;b&gt;x&lt;/b&gt;</span>").doesNotContain("<b>");
	}

	@Test
	void searchSnippetsEscapeTheTextAroundTheMarks() {
		assertThat(ChatSearch.snippet("<script>\u0002合同\u0003</script>"))
			.isEqualTo("&lt;script&gt;<mark>合同</mark>&lt;/script&gt;");
	}
}
