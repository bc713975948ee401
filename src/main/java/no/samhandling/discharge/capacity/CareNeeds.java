package no.samhandling.discharge.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lowest care level that meets a patient's stated needs (BEON: laveste effektive omsorgsnivå). Hospitals
 * state needs as free text, in the admission notice (§ 8, expected needs) and the discharge-ready declaration
 * (§ 9); the service recognises these terms in it, at the start of a word, in any case:
 *
 * <table>
 *   <caption>Terms and the care level they name</caption>
 *   <tr><th>care level</th><th>terms</th></tr>
 *   <tr><td>home-care</td><td>hjemmesykepleie…, hjemmetjeneste…, hjemmebasert…, hjemmehjelp…, praktisk bistand, home care</td></tr>
 *   <tr><td>short-term-bed</td><td>korttid… (korttidsplass, korttidsopphold), avlastning…, short-term, short term</td></tr>
 *   <tr><td>rehabilitation-bed</td><td>rehabilitering…, opptrening…, rehabilitation…</td></tr>
 *   <tr><td>municipal-acute-bed</td><td>KAD, ØHD (whole words), øyeblikkelig hjelp…, kommunal akutt…, municipal acute…</td></tr>
 *   <tr><td>long-term-nursing-home</td><td>langtid… (langtidsplass), sykehjemsplass…, long-term…, nursing home…</td></tr>
 * </table>
 *
 * <p>The need is the highest level any recognised term names: a patient who needs rehabilitation and home care
 * needs at least a rehabilitation bed. "Sykehjem" alone is no term: a short-term place is usually in a nursing home
 * too. Negations ("ikke behov for korttidsplass") are not understood. Text with no recognised term is an unknown
 * need: every care level from home care up is offered, and the answer says the needs were not recognised, so the
 * intake team judges for itself.
 */
public final class CareNeeds {

    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";
    private static final String REST_OF_WORD = "\\p{L}*";

    private record Term(CareLevel level, Pattern pattern) {
        Term(CareLevel level, String regex) {
            this(level, Pattern.compile(WORD_START + "(?:" + regex + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    private static final List<Term> TERMS = List.of(
            new Term(CareLevel.HOME_CARE, "hjemmesykepleie" + REST_OF_WORD + "|hjemmetjenest" + REST_OF_WORD + "|hjemmebasert" + REST_OF_WORD
                    + "|hjemmehjelp" + REST_OF_WORD + "|praktisk bistand|home[- ]care"),
            new Term(CareLevel.SHORT_TERM_BED, "korttid" + REST_OF_WORD + "|avlastning" + REST_OF_WORD + "|short[- ]term"),
            new Term(CareLevel.REHABILITATION_BED, "rehabilitering" + REST_OF_WORD + "|opptrening" + REST_OF_WORD + "|rehabilitation" + REST_OF_WORD),
            new Term(CareLevel.MUNICIPAL_ACUTE_BED, "(?:kad|øhd)" + WORD_END + "|øyeblikkelig[- ]hjelp" + REST_OF_WORD
                    + "|kommunal[- ]akutt" + REST_OF_WORD + "|municipal[- ]acute"),
            new Term(CareLevel.LONG_TERM_NURSING_HOME, "langtid" + REST_OF_WORD + "|sykehjemsplass" + REST_OF_WORD + "|long[- ]term"
                    + "|nursing[- ]home"));

    private CareNeeds() {
    }

    /**
     * What the needs call for: the lowest care level that meets them, whether any term was recognised, and the
     * terms found (lower case, in the order they appear in the text, once each).
     */
    public record Need(CareLevel level, boolean recognised, List<String> terms) {
        public Need {
            terms = List.copyOf(terms);
        }
    }

    /**
     * The text to read the needs from: the discharge-ready declaration's (§ 9, the later and closer look), else the
     * admission notice's expected needs (§ 8); null when neither states any.
     */
    public static String stated(String declared, String expected) {
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        return expected == null || expected.isBlank() ? null : expected;
    }

    /** The need stated in the text; unknown (home care, not recognised) when the text is absent or names no term. */
    public static Need of(String statedNeeds) {
        if (statedNeeds == null) {
            return new Need(CareLevel.HOME_CARE, false, List.of());
        }
        CareLevel highest = null;
        List<Found> found = new ArrayList<>();
        for (Term term : TERMS) {
            Matcher matcher = term.pattern().matcher(statedNeeds);
            while (matcher.find()) {
                found.add(new Found(matcher.start(), matcher.group().toLowerCase(Locale.ROOT)));
                highest = term.level();
            }
        }
        if (highest == null) {
            return new Need(CareLevel.HOME_CARE, false, List.of());
        }
        List<String> terms = found.stream().sorted(java.util.Comparator.comparingInt(Found::at)).map(Found::text).distinct().toList();
        return new Need(highest, true, terms);
    }

    private record Found(int at, String text) {
    }
}
