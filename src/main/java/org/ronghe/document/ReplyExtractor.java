package org.ronghe.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ronghe.document.ExtractedReply.Commitment;
import org.ronghe.document.ExtractedReply.Indicator;
import org.ronghe.document.ExtractedReply.Section;

/**
 * Finds the fields of a reply letter (提案/建议答复函) in its text. Our own rules, written for the layouts county
 * letters come in: the formal 公文 (GB/T 9704-2012: 发文机关标志, 发文字号, 标题, 主送机关, 正文, 发文机关署名, 成文日期,
 * 抄送), web-page copies with their chrome (breadcrumbs, 发布时间, 索引号 …), a proposal record printed before the
 * reply, traditional characters, full- and half-width punctuation and lines broken anywhere.
 *
 * <p>Every value is taken from one place with its {@link Span}; a field the letter does not have stays
 * {@code null}. Thread-safe and stateless.
 */
public final class ReplyExtractor {

    private static final String HAN = "\\p{IsHan}";
    private static final Pattern CHROME = Pattern.compile(
            "^(?:首页|当前位置|您的位置|来源|发布时间|发布日期|发布机构|索引号|公开方式|公开范围|公开日期|浏览次数|访问次数|"
                    + "点击数|阅读次数|字号|打印|关闭|分享|主题分类|文号[:：]|发文日期|生成日期|有效性|信息来源).*"
                    + "|.*(?:发布时间|浏览次数|访问量|点击量)[:：].*"
                    + "|.*(?:\\s/\\s|\\s>\\s|>>).*"
                    + "|^(?:同意公开|主动公开|依申请公开|不予公开)$");
    private static final Pattern PROPOSAL = Pattern.compile(
            "(?:关于|对)+(?<session>[^,，。:：“”\"《》()（）]{0,40}?届[^,，。:：“”\"《》()（）]{0,24}?会议)"
                    + "第?(?<num>[A-Za-z]{0,4}\\d+[A-Za-z\\d-]*)(?<hao>号)?(?<kind>提案|建议|议案)");
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "第(?<num>[A-Za-z]{0,4}\\d+[A-Za-z\\d-]*)(?<hao>号)?(?<kind>提案|建议|议案)");
    private static final Pattern RECORD_NUMBER = Pattern.compile(
            "^(?<kind>提案|建议|议案)(?:编号|号)[:：]\\s*(?<num>[A-Za-z]{0,4}\\d+[A-Za-z\\d-]*)(?<hao>号)?$");
    private static final Pattern DOC_NUMBER = Pattern.compile(
            "(?<prefix>" + HAN + "{1,10})\\s*(?<open>[〔【\\[(（［{])?\\s*(?<year>(?:19|20)\\d{2})\\s*"
                    + "(?<close>[〕】\\])）］}])?\\s*第?\\s*(?<seq>\\d{1,5})\\s*(?<hao>号)?");
    private static final Pattern ORGAN = Pattern.compile(
            "^" + HAN + "[" + "\\p{IsHan}" + "()（）]{1,30}(?:局|委员会|委|政府|办公室|办|厅|院|中心|支社|总支|委员会|"
                    + "部|处|所|站|公司|学校|医院|街道办事处|管委会|管理委员会|人民政府|联合会|协会|集团)$");
    private static final Pattern TITLE_ORGAN = Pattern.compile(
            "^(?<organ>" + HAN + "{2,30}?(?:局|委员会|委|政府|办公室|办|厅|院|中心|公司|管委会))(?:关于|对)");
    private static final Pattern ADDRESSEE_SUFFIX = Pattern.compile("(?:委员|代表|同志|先生|女士|老师)+$");
    private static final Pattern HEADING = Pattern.compile(
            "^(?:(?<l1>[一二三四五六七八九十]{1,3})[、.]|[(（](?<l2>[一二三四五六七八九十]{1,3})[)）]"
                    + "|(?<l3>\\d{1,2})[.、](?!\\d)|[(（](?<l4>\\d{1,2})[)）])\\s*(?<rest>.*)$");
    private static final Pattern NEXT_STEPS = Pattern.compile("下一步|下步|今后|下阶段|下一阶段");
    private static final Pattern CLOSING = Pattern.compile(
            "^(?:此致|特此函复|特此答复|专此答复|以上答复|再次感谢|感谢(?:您|你|贵)|欢迎(?:您|你|贵)|敬请|衷心感谢).*");
    private static final Pattern PROMISE = Pattern.compile(
            "下一步|下步|将|要|继续|持续|进一步|加强|加快|推进|推动|力争|确保|计划|争取|着力|不断|积极|深化|完善|健全|提高|扩大");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d-])(?:(?:\\(?0\\d{2,3}\\)?[-\\s]?)?\\d{7,8}(?:-\\d{1,4})?|1[3-9]\\d{9})(?![\\d])");
    private static final Pattern PERIOD = Pattern.compile(
            "(?:(?:19|20)\\d{2}年(?:(?:至|到|-|—)(?:19|20)\\d{2}年)?(?:上半年|下半年|前三季度|第[一二三四]季度|\\d{1,2}(?:—|-|至)?\\d{0,2}月)?"
                    + "|今年(?:上半年|下半年|前三季度|以来|\\d{1,2}月)?|去年|上年(?:末)?|近年来|近[一二三四五六七八九十两\\d]+年)");
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\d.])(?<value>\\d+(?:\\.\\d+)?)\\s*(?<unit>个百分点|%|‰|亿元|万元|元|万人次|人次|万人|人|万m²|万m2|万平方米|"
                    + "平方米|m²|㎡|平方公里|公里|千米|万亩|亩|个|家|所|处|座|条|项|户|吨|万吨|辆|倍|台|套|名|间|张|千瓦|万千瓦|兆瓦)");
    private static final Pattern CHANGE_VERB = Pattern.compile("(?:同比|环比|年均|平均|(?:比|较)(?:上年|去年|(?:19|20)\\d{2}年)(?:末|底|同期)?)?"
            + "(?:增长|提高|下降|降低|减少|增加|上升|回落)了?$");
    private static final java.util.Set<String> MEASURE_WORDS = java.util.Set.of(
            "个", "家", "所", "处", "座", "条", "项", "户", "名", "间", "张", "台", "套", "辆");
    private static final Pattern NAME_VERB = Pattern.compile(
            "(?:的|为|达到|达|完成|实现|共|有|是|增加至|增加到|提高到|提高至|提升至|提升到|稳定在|超过|占|约|近|共计|累计|总计|合计|新增|从|由|建成|建设|接待|突破|保持在|在)+$");

    /**
     * Extracts the fields of a letter.
     *
     * @param text the letter's text as read from its file (any line breaks, full- or half-width forms,
     *             simplified or traditional characters)
     * @return the fields found, with spans into {@code text}
     */
    public ExtractedReply extract(String text) {
        return new Run(new LetterText(text, Simplifier.toSimplified(text))).extract();
    }

    /** The work on one letter. */
    private static final class Run {

        private final LetterText t;
        private final boolean[] chromeLine;
        private final Map<String, Span> spans = new LinkedHashMap<>();

        Run(LetterText t) {
            this.t = t;
            this.chromeLine = new boolean[t.lines.size()];
            for (LetterText.Line line : t.lines) {
                chromeLine[line.index()] = CHROME.matcher(line.text()).matches();
            }
        }

        ExtractedReply extract() {
            Matcher proposal = findProposal();
            int titleLine = proposal == null ? -1 : lineAt(t.fromCompact(proposal.start()));
            String proposalNumber = proposalNumber(proposal);
            String session = proposal != null && proposal.pattern() == PROPOSAL
                    ? value("session", t.compactSpan(proposal.start("session"), proposal.end("session"))) : null;
            String proposalKind = proposalKind(proposal, session);

            int addresseeLine = findAddressee(Math.max(titleLine, 0));
            String addressee = null;
            String proposer = null;
            if (addresseeLine >= 0) {
                LetterText.Line line = t.lines.get(addresseeLine);
                String raw = line.text().replaceAll("[:：]\\s*$", "");
                addressee = value("addressee", new Span(line.start(), line.start() + raw.length()));
                String person = ADDRESSEE_SUFFIX.matcher(raw.replaceFirst("^尊敬的", "")).replaceAll("");
                int offset = raw.indexOf(person);
                proposer = person.isBlank() ? null
                        : value("proposer", new Span(line.start() + offset, line.start() + offset + person.length()));
            } else {
                proposer = labelled("proposer", "(?:提案人|建议人|提案者|领衔人|提案单位|代表)");
            }
            int headerEnd = addresseeLine >= 0 ? addresseeLine : Math.min(t.lines.size(), Math.max(titleLine, 0) + 12);

            String issuerMark = issuerMark(headerEnd);
            String docNumber = docNumber(headerEnd);
            String category = category(headerEnd, titleLine);
            int dateLine = findDate();
            String date = spans.containsKey("date") ? dateValue : null;
            String signatureOrg = signatureOrg(dateLine);
            String issuer = issuer(issuerMark, titleLine, signatureOrg);
            if (signatureOrg != null && issuer != null && fold(signatureOrg).equals(fold(issuer))) {
                spans.remove("signatureOrg");
                signatureOrg = null;
            }
            String signer = signer();
            List<String> handlers = handlers();
            String phone = phone();
            List<String> copyTo = copyTo();
            String proposalTitle = proposalTitle(addresseeLine);

            int bodyStart = addresseeLine >= 0 ? addresseeLine + 1 : Math.max(titleLine + 1, 0);
            int bodyEnd = bodyEnd(bodyStart, dateLine);
            List<Section> sections = sections(bodyStart, bodyEnd);
            List<Commitment> commitments = commitments(sections, bodyStart, bodyEnd);
            List<Indicator> indicators = indicators(bodyStart, bodyEnd);
            return new ExtractedReply(docNumber, issuerMark, issuer, signatureOrg, proposalNumber, proposalKind,
                    session, proposer, proposalTitle, addressee, category, signer, handlers, phone, date, copyTo,
                    sections, commitments, indicators, Map.copyOf(spans));
        }

        // ---- proposal number, session, kind -------------------------------------------------------------

        private Matcher findProposal() {
            for (Pattern p : new Pattern[] {PROPOSAL, BARE_NUMBER}) {
                Matcher m = p.matcher(t.compact);
                while (m.find()) {
                    if (!chromeLine[lineAt(t.fromCompact(m.start()))]) {
                        return m;
                    }
                }
            }
            return null;
        }

        private String proposalNumber(Matcher m) {
            if (m == null) {
                for (LetterText.Line line : t.lines) {
                    Matcher r = RECORD_NUMBER.matcher(line.tight());
                    if (r.matches()) {
                        int at = line.text().indexOf(r.group("num").charAt(0), line.text().indexOf(r.group("kind")) + 2);
                        String shown = r.group("hao") != null ? "第" + r.group("num") + "号" : r.group("num");
                        spans.put("proposalNumber", new Span(line.start() + Math.max(at, 0), line.end()));
                        return shown;
                    }
                }
                return null;
            }
            if (m.group("hao") != null) {
                int start = m.start("num");
                if (start > 0 && t.compact.charAt(start - 1) == '第') {
                    start--;
                }
                return value("proposalNumber", t.compactSpan(start, m.end("hao")));
            }
            return value("proposalNumber", t.compactSpan(m.start("num"), m.end("num")));
        }

        private String proposalKind(Matcher m, String session) {
            if (session != null && (session.contains("政协") || session.contains("政治协商"))) {
                return "CPPCC";
            }
            if (session != null && (session.contains("人大") || session.contains("人民代表"))) {
                return "NPC";
            }
            if (m != null) {
                return m.group("kind").equals("提案") ? "CPPCC" : "NPC";
            }
            return null;
        }

        // ---- header -----------------------------------------------------------------------------------

        private int findAddressee(int from) {
            for (int i = from; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                String tight = line.tight();
                if (chromeLine[i] || tight.length() > 50 || !(tight.endsWith(":"))) {
                    continue;
                }
                if (tight.contains("如下") || tight.matches(
                        "^(?:签发人|签发|领导签字|类别|联系人|联系电话|承办人员?|经办人|来源|抄送|附件|内容|主题词|电话|"
                                + "办理情况|办理结果|答复内容|正文):$")) {
                    continue;
                }
                return i;
            }
            return -1;
        }

        private String issuerMark(int headerEnd) {
            for (int i = 0; i < headerEnd && i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                String tight = line.tight();
                if (!chromeLine[i] && tight.endsWith("文件") && tight.length() >= 4 && tight.length() <= 40
                        && tight.matches(HAN + "+文件")) {
                    return value("issuerMark", new Span(line.start(), line.end()));
                }
            }
            return null;
        }

        private String docNumber(int headerEnd) {
            String found = docNumberIn(0, headerEnd, false);
            return found != null ? found : docNumberIn(headerEnd, t.lines.size(), true);
        }

        /**
         * Searches the compact text of lines {@code [from, to)} so that a 文号 broken over two lines is still found;
         * the issuing-agency prefix never reaches back over a line break.
         */
        private String docNumberIn(int from, int to, boolean strict) {
            for (int i = from; i < to && i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                if (chromeLine[i] || line.text().length() > 40) {
                    continue;
                }
                int cStart = compactIndexOf(line.start());
                int nextEnd = i + 1 < t.lines.size() && t.lines.get(i + 1).text().length() <= 12
                        ? t.lines.get(i + 1).end() : line.end();
                int cEnd = compactIndexOf(nextEnd);
                Matcher m = DOC_NUMBER.matcher(t.compact).region(cStart, cEnd);
                while (m.find()) {
                    if (t.fromCompact(m.start()) >= line.end()) {
                        break;
                    }
                    boolean bracketed = m.group("open") != null || m.group("close") != null;
                    boolean agencyLike = m.group("prefix").matches(".*(?:发|函|字|办|复|文|呈|报|请|告|通|令|批|议)");
                    if (!bracketed || (strict && !agencyLike) || m.group("prefix").contains("第")) {
                        continue;
                    }
                    int startOriginal = t.fromCompact(m.start());
                    if (startOriginal > line.start()
                            && line.text().substring(0, startOriginal - line.start()).strip().matches(".*" + HAN + "$")) {
                        continue;
                    }
                    Span span = t.compactSpan(m.start(), m.end());
                    int bracket = t.fromCompact(m.start("year"));
                    int lineBreak = t.folded.lastIndexOf('\n', bracket);
                    if (lineBreak >= span.start()) {
                        span = new Span(lineBreak + 1 + (t.folded.substring(lineBreak + 1).length()
                                - t.folded.substring(lineBreak + 1).stripLeading().length()), span.end());
                    }
                    LetterText.Line lastLine = t.lines.get(lineAt(span.end() - 1));
                    String after = t.folded.substring(span.end(), lastLine.end());
                    Matcher cat = Pattern.compile("^\\s*[(（]?([ABCD])类?[)）]?\\s*$").matcher(after);
                    if (cat.matches()) {
                        categoryAfterDocNumber = cat.group(1);
                        categorySpan = new Span(span.end() + cat.start(1), span.end() + cat.end(1));
                    }
                    return value("docNumber", span);
                }
            }
            return null;
        }

        private String categoryAfterDocNumber;
        private Span categorySpan;

        private String category(int headerEnd, int titleLine) {
            Pattern labelled = Pattern.compile("^(?:办理结果)?(?:类别|分类|答复类别|办理类别)[:：]?\\s*([ABCD])类?$");
            Pattern bare = Pattern.compile("^[(（]?([ABCD])类?[)）]?$");
            Pattern inTitle = Pattern.compile("[(（]([ABCD])类?[)）]");
            for (int i = 0; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                if (chromeLine[i]) {
                    continue;
                }
                String tight = line.tight();
                Matcher m = labelled.matcher(tight);
                if (!m.matches() && i < headerEnd) {
                    m = bare.matcher(tight);
                }
                if (m.matches()) {
                    int at = line.text().lastIndexOf(m.group(1));
                    return value("category", new Span(line.start() + at, line.start() + at + 1));
                }
                if (i == titleLine) {
                    Matcher tm = inTitle.matcher(line.text());
                    if (tm.find()) {
                        return value("category", new Span(line.start() + tm.start(1), line.start() + tm.end(1)));
                    }
                }
            }
            if (categoryAfterDocNumber != null) {
                spans.put("category", categorySpan);
                return categoryAfterDocNumber;
            }
            return null;
        }

        // ---- signature, date, issuer --------------------------------------------------------------------

        private String dateValue;

        private int findDate() {
            for (int i = t.lines.size() - 1; i >= 0; i--) {
                if (chromeLine[i]) {
                    continue;
                }
                LetterText.Line line = t.lines.get(i);
                ChineseDates.Found f = ChineseDates.wholeLine(line.text());
                if (f != null) {
                    dateValue = f.date().toString();
                    spans.put("date", new Span(line.start() + f.start(), line.start() + f.end()));
                    return i;
                }
            }
            for (int i = t.lines.size() - 1; i >= 0; i--) {
                LetterText.Line line = t.lines.get(i);
                if (chromeLine[i] || line.text().contains(":") || line.text().contains("：")) {
                    continue;
                }
                ChineseDates.Found f = ChineseDates.atEnd(line.text());
                if (f != null) {
                    dateValue = f.date().toString();
                    spans.put("date", new Span(line.start() + f.start(), line.start() + f.end()));
                    return i;
                }
            }
            return -1;
        }

        private String signatureOrg(int dateLine) {
            if (dateLine < 0) {
                return null;
            }
            LetterText.Line dl = t.lines.get(dateLine);
            Span dateSpan = spans.get("date");
            String before = t.folded.substring(dl.start(), dateSpan.start()).strip();
            if (!before.isEmpty() && ORGAN.matcher(before.replaceAll("\\s+", "")).matches()) {
                return value("signatureOrg", new Span(dl.start(), dl.start() + before.length()));
            }
            for (int i = dateLine - 1; i >= Math.max(0, dateLine - 3); i--) {
                LetterText.Line line = t.lines.get(i);
                String tight = line.tight();
                if (tight.matches("[(（]?(?:盖章|印章|公章)[)）]?")) {
                    continue;
                }
                if (ORGAN.matcher(tight).matches() && !tight.contains(":")) {
                    return value("signatureOrg", new Span(line.start(), line.end()));
                }
                break;
            }
            return null;
        }

        private String issuer(String issuerMark, int titleLine, String signatureOrg) {
            if (issuerMark != null) {
                Span mark = spans.get("issuerMark");
                int end = t.folded.lastIndexOf("文件", mark.end());
                return value("issuer", new Span(mark.start(), end));
            }
            if (titleLine >= 0) {
                LetterText.Line line = t.lines.get(titleLine);
                Matcher m = TITLE_ORGAN.matcher(line.text());
                if (m.find()) {
                    return value("issuer", new Span(line.start() + m.start("organ"), line.start() + m.end("organ")));
                }
            }
            if (signatureOrg != null) {
                spans.put("issuer", spans.get("signatureOrg"));
                return signatureOrg;
            }
            return null;
        }

        // ---- labelled lines -------------------------------------------------------------------------------

        private String signer() {
            Pattern p = Pattern.compile("(?:^|\\s)(?:签\\s*发\\s*人|签\\s*发|领\\s*导\\s*签\\s*字|签\\s*批\\s*人)\\s*[:：]\\s*(.*)$");
            for (int i = 0; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                Matcher m = p.matcher(line.text());
                if (!chromeLine[i] && m.find()) {
                    String name = m.group(1).strip();
                    if (name.isEmpty() || !name.matches("[" + "\\p{IsHan}" + "·\\s、，,]{2,30}")) {
                        return null;
                    }
                    return value("signer", new Span(line.start() + m.start(1), line.start() + m.end(1)));
                }
            }
            return null;
        }

        private static final Pattern HANDLER_LABEL = Pattern.compile(
                "(?:承\\s*办\\s*人\\s*员|承\\s*办\\s*人|经\\s*办\\s*人|联\\s*系\\s*人\\s*(?:及\\s*(?:联\\s*系\\s*)?电\\s*话)?)\\s*[:：]");
        private static final Pattern PHONE_LABEL = Pattern.compile(
                "(?:联\\s*系\\s*电\\s*话|联\\s*系\\s*方\\s*式|电\\s*话|联\\s*系\\s*人\\s*及\\s*(?:联\\s*系\\s*)?电\\s*话)\\s*[:：]");

        private List<String> handlers() {
            List<String> names = new ArrayList<>();
            Span first = null;
            for (int i = 0; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                Matcher m = HANDLER_LABEL.matcher(line.text());
                if (chromeLine[i] || !m.find()
                        || !line.text().substring(0, m.start()).strip().matches("[(（]?|.*[；;，,\\s]")) {
                    continue;
                }
                String rest = line.text().substring(m.end());
                Matcher stop = Pattern.compile("联\\s*系\\s*电\\s*话|电\\s*话|[\\d(（)）；;]").matcher(rest);
                String namesPart = stop.find() ? rest.substring(0, stop.start()) : rest;
                String[] tokens = namesPart.strip().split("[\\s、，,]+");
                if (tokens.length >= 2 && tokens.length <= 4
                        && java.util.Arrays.stream(tokens).allMatch(tk -> tk.matches("\\p{IsHan}"))) {
                    // one name written with spaces between its characters: 李  强
                    int a = line.text().indexOf(tokens[0], m.end());
                    int b = line.text().indexOf(tokens[tokens.length - 1], a) + 1;
                    names.add(String.join("", tokens));
                    if (first == null) {
                        first = new Span(line.start() + a, line.start() + b);
                    }
                    continue;
                }
                Matcher name = Pattern.compile("[\\p{IsHan}·]{2,5}").matcher(namesPart);
                while (name.find()) {
                    String n = name.group();
                    if (!n.matches(".*(?:局|政府|办公室|单位|中心|委员会|科|股)$")) {
                        names.add(n);
                        if (first == null) {
                            first = new Span(line.start() + m.end() + name.start(), line.start() + m.end() + name.end());
                        }
                    }
                }
            }
            if (first != null) {
                spans.put("handlers", first);
            }
            return List.copyOf(names);
        }

        private String phone() {
            for (int i = 0; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                Matcher label = PHONE_LABEL.matcher(line.text());
                if (chromeLine[i] || !label.find()) {
                    continue;
                }
                Matcher m = PHONE.matcher(line.text());
                if (m.find(label.end())) {
                    return value("phone", new Span(line.start() + m.start(), line.start() + m.end()));
                }
            }
            return null;
        }

        private List<String> copyTo() {
            Pattern p = Pattern.compile("^抄\\s*送\\s*[:：]\\s*(.+?)[。.]?$");
            for (int i = 0; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                Matcher m = p.matcher(line.text());
                if (!chromeLine[i] && m.matches()) {
                    spans.put("copyTo", new Span(line.start() + m.start(1), line.start() + m.end(1)));
                    List<String> list = new ArrayList<>();
                    for (String part : m.group(1).split("[、，,；;]")) {
                        if (!part.isBlank()) {
                            list.add(part.strip());
                        }
                    }
                    return List.copyOf(list);
                }
            }
            return null;
        }

        private String labelled(String field, String labelRegex) {
            Pattern p = Pattern.compile("^" + labelRegex + "\\s*[:：]\\s*(.+)$");
            for (int i = 0; i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                Matcher m = p.matcher(line.text());
                if (!chromeLine[i] && m.matches()) {
                    return value(field, new Span(line.start() + m.start(1), line.start() + m.end(1)));
                }
            }
            return null;
        }

        // ---- proposal title ------------------------------------------------------------------------------

        private String proposalTitle(int addresseeLine) {
            int from = addresseeLine >= 0 ? compactIndexOf(t.lines.get(addresseeLine).end()) : 0;
            int to = Math.min(t.compact.length(), from + 400);
            String zone = t.compact.substring(from, to);
            Matcher quoted = Pattern.compile("[“\"《「『]((?:关于|有关)[^”\"》」』]{2,80}?)[”\"》」』]").matcher(zone);
            if (quoted.find()) {
                return value("proposalTitle", t.compactSpan(from + quoted.start(1), from + quoted.end(1)));
            }
            Matcher plain = Pattern.compile("提出的((?:关于|有关)[^,，。;；:：]{2,80}?(?:建议|提案|议案|意见))(?=[,，。;；]|收悉|已收悉|现答复|现将)")
                    .matcher(zone);
            if (plain.find()) {
                return value("proposalTitle", t.compactSpan(from + plain.start(1), from + plain.end(1)));
            }
            String record = labelled("proposalTitle", "(?:案由|题目|标题|提案名称|建议名称|提案题目|建议题目)");
            if (record != null) {
                return record;
            }
            for (int i = 0; i < t.lines.size(); i++) {
                Matcher m = Pattern.compile("答复[:：]\\s*((?:关于|有关).+)$").matcher(t.lines.get(i).text());
                if (m.find()) {
                    LetterText.Line line = t.lines.get(i);
                    return value("proposalTitle", new Span(line.start() + m.start(1), line.start() + m.end(1)));
                }
            }
            return null;
        }

        // ---- body: sections, commitments, indicators ------------------------------------------------------

        private int bodyEnd(int bodyStart, int dateLine) {
            int end = dateLine >= 0 && dateLine >= bodyStart ? dateLine : t.lines.size();
            for (int i = bodyStart; i < end; i++) {
                if (CLOSING.matcher(t.lines.get(i).text()).matches()) {
                    return i;
                }
            }
            if (end == dateLine && spans.containsKey("signatureOrg")) {
                return Math.max(bodyStart, lineAt(spans.get("signatureOrg").start()));
            }
            return end;
        }

        private List<Section> sections(int from, int to) {
            record Head(int line, int level, String number, String title, int titleEnd) {
            }
            List<Head> heads = new ArrayList<>();
            for (int i = from; i < to; i++) {
                LetterText.Line line = t.lines.get(i);
                Matcher m = HEADING.matcher(line.text());
                if (!m.matches()) {
                    continue;
                }
                int level = m.group("l1") != null ? 1 : m.group("l2") != null ? 2 : m.group("l3") != null ? 3 : 4;
                String rest = m.group("rest");
                int stop = rest.indexOf('。');
                String title = stop >= 0 && (stop < rest.length() - 1) ? rest.substring(0, stop) : rest.replaceAll("[。]$", "");
                title = title.strip();
                if (title.replace("*", "").isEmpty() && i + 1 < to) {
                    continue;
                }
                int titleStart = line.start() + m.start("rest") + (rest.length() - rest.stripLeading().length());
                String shownTitle = t.value(new Span(titleStart, titleStart + title.length())).replace("*", "").strip();
                String number = t.value(new Span(line.start(), line.start() + m.start("rest")));
                heads.add(new Head(i, level, number, shownTitle,
                        line.start() + m.start("rest") + (stop >= 0 ? stop + 1 : rest.length())));
            }
            int endOffset = to < t.lines.size() ? t.lines.get(to).start() : t.original.length();
            List<Section> roots = new ArrayList<>();
            Deque<Object[]> stack = new ArrayDeque<>(); // {level, children list}
            List<Object[]> built = new ArrayList<>();
            for (int h = 0; h < heads.size(); h++) {
                Head head = heads.get(h);
                int textEnd = h + 1 < heads.size() ? t.lines.get(heads.get(h + 1).line()).start() : endOffset;
                int partEnd = endOffset;
                for (int k = h + 1; k < heads.size(); k++) {
                    if (heads.get(k).level() <= head.level()) {
                        partEnd = t.lines.get(heads.get(k).line()).start();
                        break;
                    }
                }
                String body = t.value(new Span(Math.min(head.titleEnd(), textEnd), textEnd));
                built.add(new Object[] {head, body, new Span(t.lines.get(head.line()).start(), partEnd), new ArrayList<Section>()});
            }
            // assemble bottom-up so that children lists are complete before a parent record is made
            List<Section> made = new ArrayList<>();
            for (int h = built.size() - 1; h >= 0; h--) {
                made.add(0, null);
            }
            int[] parent = new int[built.size()];
            for (int h = 0; h < built.size(); h++) {
                Head head = (Head) built.get(h)[0];
                while (!stack.isEmpty() && (int) stack.peek()[0] >= head.level()) {
                    stack.pop();
                }
                parent[h] = stack.isEmpty() ? -1 : (int) stack.peek()[1];
                stack.push(new Object[] {head.level(), h});
            }
            for (int h = built.size() - 1; h >= 0; h--) {
                Head head = (Head) built.get(h)[0];
                @SuppressWarnings("unchecked")
                List<Section> children = (List<Section>) built.get(h)[3];
                java.util.Collections.reverse(children);
                Section s = new Section(head.level(), head.number(), head.title(), (String) built.get(h)[1],
                        (Span) built.get(h)[2], List.copyOf(children));
                if (parent[h] < 0) {
                    roots.add(0, s);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Section> siblings = (List<Section>) built.get(parent[h])[3];
                    siblings.add(s);
                }
            }
            return List.copyOf(roots);
        }

        private List<Commitment> commitments(List<Section> sections, int from, int to) {
            Section next = findNextSteps(sections);
            if (next != null) {
                if (!next.children().isEmpty()) {
                    return next.children().stream()
                            .map(c -> new Commitment(c.title(), c.text().isEmpty() ? c.title() : c.text(), c.span()))
                            .toList();
                }
                List<Commitment> promises = sentences(next.span(), true);
                return promises.isEmpty() ? null : promises;
            }
            if (from >= to) {
                return null;
            }
            Span body = new Span(t.lines.get(from).start(), to < t.lines.size() ? t.lines.get(to).start() : t.original.length());
            List<Commitment> marked = new ArrayList<>();
            for (Commitment c : sentences(body, false)) {
                if (c.text().contains("下一步") || c.text().contains("下步")) {
                    List<Commitment> items = c.text().matches(".*[:：]$") ? itemsAfter(c.span().end(), to) : List.of();
                    marked.addAll(items.isEmpty() ? List.of(c) : items);
                }
            }
            return marked.isEmpty() ? null : List.copyOf(marked);
        }

        /** Numbered lines right after an announcement such as {@code 下步，我局将：}. */
        private List<Commitment> itemsAfter(int offset, int toLine) {
            List<Commitment> items = new ArrayList<>();
            for (int i = lineAt(offset) + 1; i < toLine && i < t.lines.size(); i++) {
                LetterText.Line line = t.lines.get(i);
                if (line.start() < offset) {
                    continue;
                }
                if (!HEADING.matcher(line.text()).matches()) {
                    break;
                }
                items.add(new Commitment(null, t.value(new Span(line.start(), line.end())), new Span(line.start(), line.end())));
            }
            return items;
        }

        private Section findNextSteps(List<Section> sections) {
            for (Section s : sections) {
                if (NEXT_STEPS.matcher(s.title()).find() && s.title().length() <= 30) {
                    return s;
                }
                Section inner = findNextSteps(s.children());
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }

        /** Sentences (ending in 。！？；) of a part; with {@code promisesOnly}, those that promise an action. */
        private List<Commitment> sentences(Span part, boolean promisesOnly) {
            List<Commitment> out = new ArrayList<>();
            String s = t.folded;
            int start = part.start();
            int firstLineEnd = s.indexOf('\n', start);
            if (promisesOnly && firstLineEnd > 0 && firstLineEnd < part.end() && HEADING.matcher(
                    s.substring(start, firstLineEnd).strip()).matches()) {
                start = firstLineEnd + 1; // skip the heading itself
            }
            int i = start;
            while (i < part.end()) {
                int j = i;
                while (j < part.end() && "。！？!?；;".indexOf(s.charAt(j)) < 0
                        && !(s.charAt(j) == '\n' && j > i && ":：".indexOf(lastNonSpace(s, i, j)) >= 0)) {
                    j++;
                }
                int end = Math.min(j + 1, part.end());
                Span span = trim(new Span(i, end));
                if (span.end() > span.start()) {
                    String text = t.value(span);
                    if (text.length() > 4 && (!promisesOnly || PROMISE.matcher(text).find())) {
                        out.add(new Commitment(null, text, span));
                    }
                }
                i = end;
            }
            return out;
        }

        private List<Indicator> indicators(int from, int to) {
            if (from >= to) {
                return List.of();
            }
            int start = t.lines.get(from).start();
            int end = to < t.lines.size() ? t.lines.get(to).start() : t.original.length();
            String s = t.folded;
            List<Indicator> out = new ArrayList<>();
            Matcher m = FIGURE.matcher(s).region(start, end);
            int sentenceStart = start;
            int previousEnd = start;
            Indicator last = null;
            while (m.find()) {
                int sentenceBreak = lastBreak(s, Math.max(sentenceStart, previousEnd), m.start());
                if (sentenceBreak >= 0) {
                    sentenceStart = sentenceBreak + 1;
                    last = null;
                }
                int clause = Math.max(clauseStart(s, sentenceStart, m.start()), last == null ? sentenceStart : previousEnd);
                String before = tight(s.substring(clause, m.start()));
                String unit = m.group("unit");
                String number = m.group("value");
                previousEnd = m.end();
                Matcher verb = CHANGE_VERB.matcher(before);
                boolean rate = unit.equals("%") || unit.equals("个百分点") || unit.equals("倍");
                if (rate && verb.find() && last != null && last.change() == null
                        && before.substring(0, verb.start()).isEmpty()) {
                    String change = verb.group().replaceFirst("^(?:比|较)(?:上年|去年|(?:19|20)\\d{2}年)(?:末|底|同期)?", "")
                            + number + unit;
                    last = new Indicator(last.name(), last.value(), last.unit(), last.period(), change, last.span());
                    out.set(out.size() - 1, last);
                    continue;
                }
                boolean continuation = before.matches(".*(?:增加至|增加到|提高到|提高至|提升至|提升到|达到|至|到)$");
                String period = clausePeriod(s, clause, m.start());
                if (period == null && !continuation) {
                    period = lastPeriod(s, sentenceStart, m.start());
                }
                String name = NAME_VERB.matcher(PERIOD.matcher(before).replaceAll("")).replaceAll("");
                name = name.replaceAll("^(?:我县|我市|我区|我乡|我镇|全县|全市|全区|全乡|全镇)?(?:共|累计|已)?(?:建设|建成|有)?", "")
                        .replaceAll("^[和及与、,，的其中]+|[*“”\"《》]", "");
                if (MEASURE_WORDS.contains(unit)) {
                    String following = following(s, m.end(), end);
                    if (!following.isEmpty()) {
                        name = following;
                    }
                }
                if (name.isEmpty() && last != null) {
                    name = last.name();
                }
                if (name.isEmpty() || name.matches("\\d.*")) {
                    continue;
                }
                last = new Indicator(name, number, unit, period, null, new Span(m.start(), m.end()));
                out.add(last);
            }
            return List.copyOf(out);
        }

        /**
         * The last period expression in {@code [from, to)}, except one that starts a range ({@code 从2018年的…}),
         * which belongs to the figure right after it only.
         */
        private static String lastPeriod(String s, int from, int to) {
            String period = null;
            Matcher pm = PERIOD.matcher(s).region(from, to);
            while (pm.find()) {
                boolean rangeStart = pm.start() > 0 && "从由比较".indexOf(s.charAt(pm.start() - 1)) >= 0;
                if (!rangeStart) {
                    period = tight(pm.group());
                }
            }
            return period;
        }

        private static String clausePeriod(String s, int from, int to) {
            String period = null;
            Matcher pm = PERIOD.matcher(s).region(from, to);
            while (pm.find()) {
                if (pm.start() == 0 || "比较".indexOf(s.charAt(pm.start() - 1)) < 0) {
                    period = tight(pm.group());
                }
            }
            return period;
        }

        /** The noun a measure word counts: {@code 22处国保} → 国保, {@code 18个精品示范村、} → 精品示范村. */
        private static String following(String s, int from, int limit) {
            int i = from;
            StringBuilder sb = new StringBuilder();
            while (i < limit && sb.length() < 12) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                    break;
                }
                sb.append(c);
                i++;
            }
            String noun = sb.toString().replaceFirst("(?:和|及|与|等|全部|均|都|已|正在|基本|成为|实现|建成|开工|加快|推进|的|在|排名|达到|覆盖|共).*$", "");
            return noun.length() >= 1 ? noun : "";
        }

        // ---- helpers ---------------------------------------------------------------------------------------

        private static char lastNonSpace(String s, int from, int to) {
            for (int k = to - 1; k >= from; k--) {
                if (!Character.isWhitespace(s.charAt(k))) {
                    return s.charAt(k);
                }
            }
            return ' ';
        }

        private static int lastBreak(String s, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if ("。！？!?".indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int clauseStart(String s, int sentenceStart, int at) {
            for (int i = at - 1; i >= sentenceStart; i--) {
                if (",，；;:：、（(）)".indexOf(s.charAt(i)) >= 0) {
                    return i + 1;
                }
            }
            return sentenceStart;
        }

        private static String tight(String s) {
            return s.replaceAll("\\s+", "");
        }

        private Span trim(Span span) {
            int a = span.start();
            int b = span.end();
            while (a < b && Character.isWhitespace(t.folded.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(t.folded.charAt(b - 1))) {
                b--;
            }
            return new Span(a, b);
        }

        private int lineAt(int offset) {
            int lo = 0;
            int hi = t.lines.size() - 1;
            int found = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (t.lines.get(mid).start() <= offset) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        private int compactIndexOf(int originalOffset) {
            int lo = 0;
            int hi = t.compact.length();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (t.fromCompact(mid) < originalOffset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private String value(String field, Span span) {
            String v = t.value(span);
            if (v.isEmpty()) {
                return null;
            }
            spans.put(field, span);
            return v;
        }

        private static String fold(String s) {
            return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        }
    }
}
