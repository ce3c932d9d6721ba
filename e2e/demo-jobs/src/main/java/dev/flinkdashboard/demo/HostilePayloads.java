package dev.flinkdashboard.demo;

import java.util.List;

/**
 * Untrusted text that the dashboard must render as literal text, never as markup, script or
 * URL. Used by {@link HostileNamesJob} for the job name, operator names, accumulator names and
 * values, metric names and values, user configuration keys and values, exception messages, log
 * lines, stdout and records. Non-ASCII characters are written as escapes to keep the source ASCII.
 */
public final class HostilePayloads {
    public static final String SCRIPT = "<script>alert(\"xss-script\")</script>";
    public static final String IMG = "<img src=x onerror=alert('xss-img')>";
    public static final String SVG = "<svg onload=alert('xss-svg')>";
    public static final String JS_URL = "javascript:alert('xss-url')";
    public static final String JS_LINK = "<a href=\"javascript:alert(1)\">click</a>";
    public static final String MATHML =
            "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-math')>";
    public static final String ANGULAR_TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
    public static final String JS_TEMPLATE = "${alert('tpl')}";
    public static final String ENTITIES = "&lt;b&gt;entity&lt;/b&gt; &amp;";
    public static final String IFRAME = "<iframe src=\"javascript:alert('xss-iframe')\">";
    /** Right-to-left override: naive rendering shows "exe.live". */
    public static final String RTL_OVERRIDE = "\u202Eevil.exe\u202C";
    public static final String MULTILINE = "line1\nline2\r\nline3";
    public static final String ATTRIBUTE_BREAKOUT = "\"><svg/onload=alert('xss-attr')>";
    public static final String STYLE = "<style>body{display:none}</style>";
    public static final String DETAILS = "<details open ontoggle=alert('xss-details')>";
    public static final String TEXTAREA_BREAKOUT = "</textarea><script>alert('xss-textarea')</script>";
    public static final String SINGLE_QUOTE_BREAKOUT = "' onmouseover='alert(\"xss-quote\")' x='";
    public static final String URL_ENCODED = "%3Cscript%3Ealert('xss-encoded')%3C%2Fscript%3E";
    public static final String UNICODE =
            "Unicode \u00dcml\u00e4ut \u65e5\u672c\u8a9e \u0645\u0631\u062d\u0628\u0627 \uD83D\uDE80 zero\u200Bwidth";
    /** Sets the test's canary instead of opening a dialog: an executed payload leaves a trace. */
    public static final String CANARY_IMG = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";
    /** An SVG animation handler, which some sanitizers forget. */
    public static final String CANARY_SVG =
            "<svg><animate onbegin=\"window.__xss=(window.__xss||0)+1\" attributeName=x dur=1s></svg>";
    /** Terminal escapes (ANSI colour) and a bell, as a log line might carry them. */
    public static final String ANSI = "\u001b[31mred\u001b[0m \u0007bell";
    /** Exactly 2,000 characters, without spaces, to test wrapping and truncation. */
    public static final String LONG = longPayload(2000);

    public static final List<String> ALL =
            List.of(
                    SCRIPT,
                    IMG,
                    SVG,
                    JS_URL,
                    JS_LINK,
                    MATHML,
                    ANGULAR_TEMPLATE,
                    JS_TEMPLATE,
                    ENTITIES,
                    IFRAME,
                    RTL_OVERRIDE,
                    MULTILINE,
                    LONG,
                    ATTRIBUTE_BREAKOUT,
                    STYLE,
                    DETAILS,
                    TEXTAREA_BREAKOUT,
                    SINGLE_QUOTE_BREAKOUT,
                    URL_ENCODED,
                    UNICODE,
                    CANARY_IMG,
                    CANARY_SVG,
                    ANSI);

    /** A short name for each payload, for configuration keys and accumulator names. */
    public static final List<String> NAMES =
            List.of(
                    "script",
                    "img",
                    "svg",
                    "js-url",
                    "js-link",
                    "mathml",
                    "angular-template",
                    "js-template",
                    "entities",
                    "iframe",
                    "rtl-override",
                    "multiline",
                    "long",
                    "attribute-breakout",
                    "style",
                    "details",
                    "textarea-breakout",
                    "single-quote-breakout",
                    "url-encoded",
                    "unicode",
                    "canary-img",
                    "canary-svg",
                    "ansi");

    private HostilePayloads() {}

    private static String longPayload(int length) {
        StringBuilder sb = new StringBuilder(length);
        sb.append("LONG<b>:");
        int block = 0;
        while (sb.length() < length) {
            sb.append(String.format("%04d-abcdefghijklmnopqrstuvwxyz_", block++));
        }
        sb.setLength(length);
        return sb.toString();
    }
}
