package io.llmgateway.policy.sensitivity.code;

import io.llmgateway.policy.sensitivity.Detector;
import io.llmgateway.policy.sensitivity.FindingKind;
import io.llmgateway.policy.sensitivity.MatchSink;
import io.llmgateway.policy.sensitivity.text.ScanText;

/**
 * {@code source-code}: blocks of program text, in plain text or in Markdown fences. A block is a run
 * of lines where at most two non-blank prose lines follow each other; it is reported when it has at
 * least {@code minLines} code-like lines ({@link CodeLineScore}) making up at least
 * {@code threshold} of its non-blank lines. A fence tagged with a programming language is code when
 * it has half as many non-blank lines; other fences are judged by their content like plain text.
 * One pass over the lines; the cost is linear in the text.
 */
public final class SourceCodeDetector implements Detector {

    public static final String ID = "source-code";
    private static final int MAX_PROSE_GAP = 2;

    private final double threshold;
    private final int minLines;

    /**
     * @param threshold minimum share of code-like lines among a block's non-blank lines, in (0, 1]
     * @param minLines  minimum number of code-like lines in a block
     */
    public SourceCodeDetector(double threshold, int minLines) {
        this.threshold = threshold;
        this.minLines = minLines;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SOURCE_CODE;
    }

    @Override
    public void scan(CharSequence input, MatchSink sink) {
        char[] text = ScanText.of(input).array();
        CodeBlock block = new CodeBlock();
        Fence fence = null;
        int n = text.length;
        int lineStart = 0;
        while (lineStart <= n) {
            LineFeatures line = LineFeatures.of(text, lineStart);
            int lineEnd = line.end();
            Fence marker = Fence.at(text, lineStart, lineEnd);
            if (marker != null) {
                report(block, sink);
                if (fence == null) {
                    fence = marker;
                } else {
                    reportFence(fence, lineEnd, sink);
                    fence = null;
                }
            } else if (fence != null) {
                fence.add(CodeLineScore.of(text, lineStart, line));
            } else {
                block.add(CodeLineScore.of(text, lineStart, line), lineStart, lineEnd, MAX_PROSE_GAP, this, sink);
            }
            lineStart = lineEnd + 1;
        }
        if (fence != null) {
            reportFence(fence, n, sink);
        }
        report(block, sink);
    }

    void report(CodeBlock block, MatchSink sink) {
        if (block.codeLines() >= minLines && block.codeLines() >= threshold * block.nonBlankLines()) {
            sink.match(ID, block.start(), block.end());
        }
        block.reset();
    }

    private void reportFence(Fence fence, int end, MatchSink sink) {
        boolean code = fence.codeTagged()
                ? fence.nonBlankLines() >= Math.max(1, (minLines + 1) / 2)
                : fence.codeLines() >= minLines && fence.codeLines() >= threshold * fence.nonBlankLines();
        if (code) {
            sink.match(ID, fence.start(), Math.max(fence.start() + 1, end));
        }
    }
}
