package org.ronghe.proposal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds proposals of this and earlier sessions whose titles resemble a new one, so duplicates are caught while the
 * title is typed. Lucene with the SmartChineseAnalyzer (Chinese word segmentation) over an in-memory index of every
 * proposal's title, built from the database at start and kept current on every submission and import. Words every
 * proposal title has (关于, 建议, 提案, 我市 …) are ignored.
 */
@Component
public class SimilarProposals implements SmartInitializingSingleton {

    /** One similar proposal. */
    public record Hit(long id, String title, String session, String number, String status, float score) {
    }

    private static final CharArraySet STOP = new CharArraySet(List.of("关于", "建议", "提案", "议案", "的", "我", "市", "县",
            "区", "乡", "镇", "和", "与", "及", "对", "进一步", "加强", "推进", "推动", "加快", "问题", "工作"), false);

    private final JdbcClient jdbc;
    private final Analyzer analyzer = new SmartChineseAnalyzer(STOP);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private IndexWriter writer;

    SimilarProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            jdbc.sql("""
                    select p.id, p.county_code, p.title, s.name as session, p.number, p.status
                    from proposal p join congress_session s on s.id = p.session_id where p.title is not null""")
                    .query((rs, i) -> {
                        add(rs.getLong("id"), rs.getString("county_code"), rs.getString("title"),
                                rs.getString("session"), rs.getString("number"), rs.getString("status"));
                        return null;
                    }).list();
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces a proposal in the index.
     *
     * @param id         proposal id
     * @param countyCode its county
     * @param title      its title (nothing is indexed for a blank title)
     * @param session    its session's name
     * @param number     its number, or {@code null}
     * @param status     its status
     */
    public synchronized void add(long id, String countyCode, String title, String session, String number,
                                 String status) {
        if (title == null || title.isBlank()) {
            return;
        }
        Document doc = new Document();
        doc.add(new StringField("id", String.valueOf(id), Field.Store.YES));
        doc.add(new StringField("county", countyCode, Field.Store.NO));
        doc.add(new TextField("title", title, Field.Store.YES));
        doc.add(new StoredField("session", session));
        doc.add(new StoredField("number", number == null ? "" : number));
        doc.add(new StoredField("status", status));
        try {
            writer.updateDocument(new Term("id", String.valueOf(id)), doc);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param countyCode the county to search in
     * @param text       a title being typed
     * @param limit      most hits returned
     * @return the most similar proposals, best first; empty for text without meaningful words (punctuation alone
     *         matches nothing; at most the first 50 words count)
     */
    public List<Hit> search(String countyCode, String text, int limit) {
        List<String> words = words(text == null ? "" : text);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new TermQuery(new Term("county", countyCode)), BooleanClause.Occur.FILTER);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        words.forEach(w -> any.add(new TermQuery(new Term("title", w)), BooleanClause.Occur.SHOULD));
        any.setMinimumNumberShouldMatch(Math.max(1, words.size() / 3));
        q.add(any.build(), BooleanClause.Occur.MUST);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q.build(), limit).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                hits.add(new Hit(Long.parseLong(d.get("id")), d.get("title"), d.get("session"),
                        d.get("number").isEmpty() ? null : d.get("number"), d.get("status"), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> words(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < 50) {
                String w = term.toString();
                boolean meaningful = w.codePoints().anyMatch(Character::isLetterOrDigit);
                if (meaningful && !out.contains(w)) {
                    out.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
