package io.llmgateway.adapter.schema;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** A short, safe description of a JSON syntax problem: what and where, without echoing the input. */
final class JsonProblem {

    private JsonProblem() {
    }

    static String describe(JacksonException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = "malformed JSON";
        }
        int cut = msg.indexOf('\n');
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        // Jackson quotes offending input in some messages; keep them short
        if (msg.length() > 160) {
            msg = msg.substring(0, 160) + "...";
        }
        TokenStreamLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            msg += " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        }
        return msg;
    }
}
