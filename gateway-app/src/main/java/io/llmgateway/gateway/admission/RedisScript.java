package io.llmgateway.gateway.admission;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import reactor.core.publisher.Mono;

/** A Lua script from the classpath, run with EVALSHA and loaded with EVAL when the server does not know it yet. */
final class RedisScript {

    private final String name;
    private final String text;
    private final String sha;

    private RedisScript(String name, String text) {
        this.name = name;
        this.text = text;
        this.sha = sha1(text);
    }

    static RedisScript load(String resource) {
        try (InputStream in = RedisScript.class.getResourceAsStream("/admission/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("script /admission/" + resource + " is missing from the jar");
            }
            return new RedisScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Mono<List<Object>> run(RedisReactiveCommands<String, String> redis, String[] keys, String... args) {
        return redis.<Object>evalsha(sha, ScriptOutputType.MULTI, keys, args).collectList()
                .onErrorResume(RedisNoScriptException.class,
                        e -> redis.<Object>eval(text, ScriptOutputType.MULTI, keys, args).collectList())
                .map(RedisScript::flatten);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> flatten(List<Object> out) {
        return out.size() == 1 && out.get(0) instanceof List<?> l ? (List<Object>) l : out;
    }

    @Override
    public String toString() {
        return name;
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
