package io.llmgateway.policy.sensitivity.code;

import io.llmgateway.policy.sensitivity.MatchSink;

/** The block of lines being built by {@link SourceCodeDetector}; mutable, one per scan. */
final class CodeBlock {

    private int start = -1;
    private int end;
    private int codeLines;
    private int nonBlankLines;
    private int gap;

    /** Adds a line; closes and reports the block when too many prose lines follow it. */
    void add(int score, int lineStart, int lineEnd, int maxGap, SourceCodeDetector detector, MatchSink sink) {
        if (score == CodeLineScore.BLANK) {
            return;
        }
        if (score >= CodeLineScore.CODE) {
            if (start < 0) {
                start = lineStart;
            }
            codeLines++;
            nonBlankLines += gap + 1;
            gap = 0;
            end = lineEnd;
        } else if (start >= 0) {
            gap++;
            if (gap > maxGap) {
                detector.report(this, sink);
            }
        }
    }

    void reset() {
        start = -1;
        codeLines = 0;
        nonBlankLines = 0;
        gap = 0;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int codeLines() {
        return codeLines;
    }

    int nonBlankLines() {
        return nonBlankLines;
    }
}
