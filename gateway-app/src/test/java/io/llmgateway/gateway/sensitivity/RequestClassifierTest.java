package io.llmgateway.gateway.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmgateway.adapter.schema.OpenAiRequest;
import io.llmgateway.adapter.schema.Operation;
import io.llmgateway.adapter.schema.RequestText;
import io.llmgateway.policy.App;
import io.llmgateway.policy.Policy;
import io.llmgateway.policy.PolicyException;
import io.llmgateway.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings -> data classes, masking, and failing closed, on policies as ops write them. */
class RequestClassifierTest {

    static final String EMAIL = "li.lei@example.com";
    static final String AWS = "AKIAQ3EGRLAUXTKGWV7Z";

    static final String POLICY = """
            deployments:
              - {id: d1, pool: p, zone: private, api: openai, url: "http://127.0.0.1:1/v1", model: m}
            models: {chat: [d1]}
            apps:
              - {id: plain, key: sk-plain-123456}
              - {id: masking, key: sk-masking-123456, redact: [internal]}
            sensitivity:
              findings:
                secret: secret
                secret-jwt: internal
                api-key: confidential
                email: internal
                pii: confidential
                projects: confidential
              keywords: {projects: [Falcon]}
            %s
            """;

    static RequestClassifier classifier(String extra) {
        return RequestClassifier.compile(policy(extra), Duration.ZERO);
    }

    static Policy policy(String extra) {
        return PolicyLoader.parse("policy.yaml", POLICY.formatted(extra));
    }

    static App app(String id) {
        return policy("").apps().get(id);
    }

    @Test
    void theMostSpecificEntryDecidesAFindingsClass() {
        RequestClassifier c = classifier("");
        assertThat(verdict(c, "found " + AWS + " in the logs", "plain").implies().id()).as("detector family over category").isEqualTo("confidential");
        assertThat(verdict(c, "mail " + EMAIL, "plain").implies().id()).as("finding id over category").isEqualTo("internal");
        assertThat(verdict(c, "手机13812345678", "plain").implies().id()).as("category").isEqualTo("confidential");
        assertThat(verdict(c, "project Falcon", "plain").implies().id()).as("keyword list name").isEqualTo("confidential");
        Classification none = c.classify(chat("nothing to see"), app("plain"));
        assertThat(none.detection().dataClass()).isNull();
        assertThat(none.audit().scan()).isEqualTo("complete");
    }

    @Test
    void theImpliedClassIsTheMaximumAndTheAuditHasIdsAndCountsOnly() {
        OpenAiRequest req = chat("mail " + EMAIL + " and " + EMAIL + ", found " + AWS + " in the logs");
        Classification c = classifier("").classify(req, app("plain"));
        assertThat(c.detection().dataClass().id()).isEqualTo("confidential");
        assertThat(c.detection().detectorIds()).containsExactlyInAnyOrder("email", "secret-aws");
        assertThat(c.detection().categories()).containsExactlyInAnyOrder("pii", "secret");
        assertThat(c.audit().detectors()).isEqualTo("email:2,secret-aws:1");
        assertThat(c.audit().toString()).doesNotContain(EMAIL, AWS);
        assertThat(c.outgoing()).isSameAs(req);
        assertThat(c.masked()).isFalse();
    }

    @Test
    void anAppThatRedactsGetsTheFindingsMaskedAndTheyDoNotRaiseTheClass() {
        OpenAiRequest req = chat("write to " + EMAIL + " with the token " + JWT);
        Classification c = classifier("").classify(req, app("masking"));
        assertThat(c.masked()).isTrue();
        assertThat(c.detection().dataClass()).isNull();
        assertThat(c.detection().detectorIds()).as("rules still see what fired").contains("email", "secret-jwt");
        assertThat(c.audit().redacted()).containsExactlyInAnyOrder("email", "secret-jwt");
        String out = texts(c.outgoing()).get(0);
        assertThat(out).doesNotContain(EMAIL).doesNotContain(JWT).contains("[[EMAIL_1]]", "[[SECRET_JWT_1]]");
        assertThat(c.restore().restore(out)).isEqualTo(texts(req).get(0));
        assertThat(texts(req).get(0)).as("the client's request is untouched").contains(EMAIL);
    }

    @Test
    void findingsOfAClassTheAppDoesNotRedactStillRaiseIt() {
        Classification c = classifier("").classify(chat("mail " + EMAIL + ", found " + AWS + " in the logs"), app("masking"));
        assertThat(c.detection().dataClass().id()).as("the e-mail is masked, the AWS key (confidential) is not")
                .isEqualTo("confidential");
        assertThat(c.audit().redacted()).containsExactly("email");
        Classification secret = classifier("").classify(chat("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----"),
                app("masking"));
        assertThat(secret.detection().dataClass().id()).isEqualTo("secret");
        assertThat(secret.masked()).isFalse();
    }

    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @Test
    void findingsInToolDefinitionsAreNeverMaskedSoTheyRaiseTheClass() {
        OpenAiRequest req = parse(Operation.CHAT, """
                {"model":"chat","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"mail","description":"sends to %s"}}]}""".formatted(EMAIL));
        Classification c = classifier("").classify(req, app("masking"));
        assertThat(c.masked()).isFalse();
        assertThat(c.detection().dataClass().id()).isEqualTo("internal");
        assertThat(c.audit().redacted()).isEmpty();
    }

    @Test
    void anIncompleteScanMakesTheRequestMostSensitiveAndMasksNothing() {
        RequestClassifier c = classifier("  max-scan-chars: 1024");
        Classification big = c.classify(chat("x".repeat(2000) + " " + EMAIL), app("masking"));
        assertThat(big.detection().dataClass().id()).isEqualTo("secret");
        assertThat(big.detection().incomplete()).isTrue();
        assertThat(big.audit().scan()).isEqualTo("size_cap");
        assertThat(big.masked()).isFalse();
    }

    @Test
    void aClassifierThatRunsOutOfTimeFailsClosed() {
        RequestClassifier c = RequestClassifier.compile(policy(""), Duration.ofNanos(1));
        Classification r = c.classify(chat("some text\nand more " + EMAIL), app("plain"));
        assertThat(r.audit().scan()).isEqualTo("deadline");
        assertThat(r.detection().dataClass().id()).isEqualTo("secret");
    }

    @Test
    void aSensitivitySectionTheClassifierCannotApplyIsRefusedWithItsPath() {
        assertThatThrownBy(() -> RequestClassifier.compile(PolicyLoader.parse("p.yaml", POLICY.formatted("")
                .replace("email: internal", "emial: internal")), Duration.ZERO))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml: sensitivity.findings.emial: 'emial' is neither a category");
        assertThatThrownBy(() -> classifier("  regexes: {ids: \"(a+)+b\"}"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("sensitivity.regexes.ids: '(a+)+b' may backtrack");
        assertThatThrownBy(() -> classifier("  source-code-threshold: 0"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("sensitivity.source-code-threshold: must be in (0, 1]");
    }

    @Test
    void theRoutingStateOfAPolicyWithABadSectionIsNeverBuilt() {
        var compiler = new io.llmgateway.gateway.routing.RoutingStateCompiler(io.llmgateway.adapter.WireAdapters.standard(),
                java.util.Map.<String, String>of()::get);
        assertThat(compiler.compile(policy("")).classifier()).isNotNull();
        assertThatThrownBy(() -> compiler.compile(policy("  regexes: {BadName: \"x+\"}")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("policy.yaml: sensitivity.regexes: name 'BadName' must match");
    }

    static Classification.FindingVerdict verdict(RequestClassifier c, String text, String app) {
        List<Classification.FindingVerdict> f = c.classify(chat(text), app(app)).findings();
        assertThat(f).as(text).hasSize(1);
        return f.get(0);
    }

    static OpenAiRequest chat(String content) {
        var body = io.llmgateway.adapter.schema.WireJson.MAPPER.createObjectNode().put("model", "chat");
        body.putArray("messages").addObject().put("role", "user").put("content", content);
        return parse(Operation.CHAT, body.toString());
    }

    static OpenAiRequest parse(Operation op, String json) {
        return OpenAiRequest.parse(op, json.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> texts(OpenAiRequest req) {
        List<String> out = new ArrayList<>();
        RequestText.forEach(req, out::add);
        return out;
    }
}
