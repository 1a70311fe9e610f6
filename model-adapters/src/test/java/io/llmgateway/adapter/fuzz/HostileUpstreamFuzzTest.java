package io.llmgateway.adapter.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.llmgateway.adapter.UpstreamTarget;
import io.llmgateway.adapter.WireAdapter;
import io.llmgateway.adapter.WireAdapters;
import io.llmgateway.adapter.client.UpstreamClient;
import io.llmgateway.adapter.client.UpstreamClientConfig;
import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upstream client against hostile upstreams, through every adapter, streamed and not: the outcome
 * is either valid OpenAI JSON or a normalised {@link GatewayException} with a short message, within a
 * bound; never another exception, a hang, unbounded memory, or invalid JSON handed on to the client.
 */
class HostileUpstreamFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireAdapters ADAPTERS = WireAdapters.standard();
    private static final UpstreamClient CLIENT = new UpstreamClient(new UpstreamClientConfig(
            64, Duration.ofSeconds(2), Duration.ofSeconds(1), 256 * 1024, HostileResponses.EVENT_CAP));
    /** Bugs a catch-all would hide: a translator or decoder must never fail with one of these. */
    private static final Set<Class<? extends Throwable>> BUG = Set.of(NullPointerException.class, ClassCastException.class,
            IndexOutOfBoundsException.class, ArrayIndexOutOfBoundsException.class, StringIndexOutOfBoundsException.class,
            NumberFormatException.class, ArithmeticException.class, UnsupportedOperationException.class,
            IllegalStateException.class, OutOfMemoryError.class, StackOverflowError.class);

    @AfterContainer
    static void closeClient() {
        CLIENT.close();
    }

    @Property(tries = 150)
    void everyHostileAnswerEndsInValidJsonOrANormalisedError(@ForAll("responses") HostileResponse response,
                                                            @ForAll("apis") String api, @ForAll boolean stream) {
        WireAdapter adapter = ADAPTERS.get(api).orElseThrow();
        OpenAiRequest request = OpenAiRequest.parse(Operation.CHAT, ("{\"model\":\"m\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8));
        try (RawUpstream upstream = new RawUpstream(response)) {
            UpstreamTarget target = target(api, upstream.baseUrl());
            Mono<Long> outcome = stream
                    ? CLIENT.stream(adapter, request, target, adapter.streamTranslator(request, target))
                            .doOnNext(c -> validJson(c.json().getBytes(StandardCharsets.UTF_8))).count()
                    : CLIENT.call(adapter, request, target).doOnNext(r -> validJson(r.json())).thenReturn(1L);
            try {
                outcome.block(BOUND);
            } catch (GatewayException e) {
                normalised(e);
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("Timeout on blocking read")) {
                    fail("no outcome within " + BOUND + " for " + response);
                }
                throw e;
            }
        }
    }

    @Provide
    Arbitrary<HostileResponse> responses() {
        return HostileResponses.any();
    }

    @Provide
    Arbitrary<String> apis() {
        return Arbitraries.of(ADAPTERS.apis());
    }

    private static void normalised(GatewayException e) {
        assertThat(e.kind()).as("kind of %s", e).isNotEqualTo(ErrorKind.INTERNAL);
        assertThat(e.getMessage()).as("an error message is short, whatever the upstream sent").hasSizeLessThan(2048);
        for (Throwable t = e; t != null; t = t.getCause()) {
            Throwable cause = t;
            if (thrownByOurCode(cause)) {
                assertThat(BUG).as("cause chain of '%s'", e.getMessage()).noneMatch(bug -> bug.isInstance(cause));
            }
        }
    }

    /**
     * A bug-like exception is ours when the first frame outside the JDK is in our packages. Netty's
     * HTTP decoder refusing a status line like "HTTP/1.1 -7 X" throws NumberFormatException from
     * its own code: that is the decoder doing its job, and it is mapped to a bad-response error.
     */
    private static boolean thrownByOurCode(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                continue;
            }
            return cls.startsWith("io.llmgateway.");
        }
        return true;
    }

    private static void validJson(byte[] json) {
        JSON.readTree(json); // throws (and fails the property) on invalid JSON or invalid UTF-8
    }

    private static UpstreamTarget target(String api, String baseUrl) {
        Map<String, String> options = api.equals("azure-openai") ? Map.of("api-version", "2024-10-21") : Map.of();
        return new UpstreamTarget("hostile", URI.create(baseUrl), "m", "sk-upstream", Map.of(), options,
                new UpstreamTarget.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(700),
                        Duration.ofMillis(2500)));
    }
}
