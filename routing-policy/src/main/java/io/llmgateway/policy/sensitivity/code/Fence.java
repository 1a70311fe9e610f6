package io.llmgateway.policy.sensitivity.code;

import java.util.Locale;
import java.util.Set;

/** A Markdown code fence ({@code ```lang} or {@code ~~~}) being read; mutable, one per fence. */
final class Fence {

    private static final Set<String> CODE_LANGUAGES = Set.of(
            "java", "kotlin", "kt", "scala", "groovy", "python", "py", "go", "golang", "rust", "rs", "c", "cpp",
            "c++", "cc", "h", "hpp", "cs", "csharp", "c#", "js", "javascript", "jsx", "ts", "typescript", "tsx",
            "php", "ruby", "rb", "swift", "objc", "objective-c", "sql", "sh", "bash", "shell", "zsh", "powershell",
            "ps1", "lua", "perl", "pl", "r", "dart", "elixir", "ex", "erlang", "haskell", "hs", "clojure", "clj",
            "fsharp", "f#", "ocaml", "vb", "vbnet", "matlab", "julia", "solidity", "sol", "verilog", "vhdl", "zig",
            "nim", "proto", "protobuf", "graphql", "dockerfile", "makefile", "cmake", "gradle", "terraform", "hcl",
            "html", "css", "scss", "vue", "svelte", "xml", "jsp");

    private final int start;
    private final boolean codeTagged;
    private int codeLines;
    private int nonBlankLines;

    private Fence(int start, boolean codeTagged) {
        this.start = start;
        this.codeTagged = codeTagged;
    }

    /** The fence opened or closed by this line, or null if it is no fence line. */
    static Fence at(char[] text, int lineStart, int lineEnd) {
        int i = lineStart;
        while (i < lineEnd && i - lineStart < 3 && text[i] == ' ') {
            i++;
        }
        if (i + 3 > lineEnd) {
            return null;
        }
        char c = text[i];
        if ((c != '`' && c != '~') || text[i + 1] != c || text[i + 2] != c) {
            return null;
        }
        int tagStart = i + 3;
        while (tagStart < lineEnd && text[tagStart] == c) {
            tagStart++;
        }
        while (tagStart < lineEnd && text[tagStart] == ' ') {
            tagStart++;
        }
        int tagEnd = tagStart;
        while (tagEnd < lineEnd && text[tagEnd] > ' ' && text[tagEnd] != '{' && tagEnd - tagStart < 20) {
            tagEnd++;
        }
        String tag = new String(text, tagStart, tagEnd - tagStart).toLowerCase(Locale.ROOT);
        return new Fence(lineStart, CODE_LANGUAGES.contains(tag));
    }

    void add(int score) {
        if (score == CodeLineScore.BLANK) {
            return;
        }
        nonBlankLines++;
        if (score >= CodeLineScore.CODE - 1) {
            codeLines++;
        }
    }

    int start() {
        return start;
    }

    boolean codeTagged() {
        return codeTagged;
    }

    int codeLines() {
        return codeLines;
    }

    int nonBlankLines() {
        return nonBlankLines;
    }
}
