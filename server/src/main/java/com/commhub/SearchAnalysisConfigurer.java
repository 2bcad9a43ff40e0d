package com.commhub;

import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers every Hibernate Search mapping in CommHub may name (chat messages, mails, …). {@value #CHINESE}
 * segments Chinese into words with Lucene's smartcn model (so 合同 matches inside 关于采购合同的补充说明) and folds
 * full-width forms and case, at index and query time alike; {@value #KEYWORD} is a normalizer for exact filters
 * and sorting. Registered through {@code hibernate.search.backend.analysis.configurer} in application.properties.
 */
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

	public static final String CHINESE = "chinese";

	public static final String KEYWORD = "keyword";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(CHINESE).custom()
				.tokenizer(HMMChineseTokenizerFactory.class)
				.tokenFilter(CJKWidthFilterFactory.class)
				.tokenFilter(LowerCaseFilterFactory.class)
				.tokenFilter(ASCIIFoldingFilterFactory.class);
		context.normalizer(KEYWORD).custom()
				.tokenFilter(CJKWidthFilterFactory.class)
				.tokenFilter(LowerCaseFilterFactory.class);
	}
}
