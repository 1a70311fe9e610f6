package io.llmgateway.policy.sensitivity.secret;

import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.ALNUM;
import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.BASE32_UPPER;
import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.BASE64;
import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.BASE64URL;
import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.LETTERS;
import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.URL_PATH;
import static io.llmgateway.policy.sensitivity.secret.TokenAlphabet.WORD_DOT_DASH;

import io.llmgateway.policy.sensitivity.secret.VendorKeyFormat.KeyShape;
import java.util.List;

/**
 * The vendor key formats of the {@code api-key} family. Formats follow the vendors' published key
 * layouts (and the matching gitleaks rules), with bodies a little more lenient in length so a
 * truncated or re-formatted key still counts: a leaked partial key is still a leak.
 */
final class VendorKeyFormats {

    static final String OPENAI = "secret-openai";
    static final String ANTHROPIC = "secret-anthropic";
    static final String AWS = "secret-aws";
    static final String GITHUB = "secret-github";
    static final String GITLAB = "secret-gitlab";
    static final String SLACK = "secret-slack";
    static final String ALIBABA = "secret-alibaba";
    static final String GOOGLE = "secret-gcp";
    static final String STRIPE = "secret-stripe";
    static final String HUGGINGFACE = "secret-huggingface";
    static final String NPM = "secret-npm";

    private VendorKeyFormats() {
    }

    static List<VendorKeyFormat> all() {
        return List.of(
                // OpenAI project/service/admin keys; plain sk- keys (legacy OpenAI, and the
                // OpenAI-compatible clouds: DeepSeek, DashScope, Moonshot use sk- + 32 hex).
                new VendorKeyFormat(OPENAI, "sk-proj-", BASE64URL, 40, 400, KeyShape.ANY),
                new VendorKeyFormat(OPENAI, "sk-svcacct-", BASE64URL, 40, 400, KeyShape.ANY),
                new VendorKeyFormat(OPENAI, "sk-admin-", BASE64URL, 40, 400, KeyShape.ANY),
                new VendorKeyFormat(OPENAI, "sk-None-", BASE64URL, 40, 400, KeyShape.ANY),
                new VendorKeyFormat(OPENAI, "sk-", ALNUM, 24, 120, KeyShape.MIXED),
                new VendorKeyFormat(ANTHROPIC, "sk-ant-api", BASE64URL, 80, 200, KeyShape.ANTHROPIC),
                new VendorKeyFormat(ANTHROPIC, "sk-ant-admin", BASE64URL, 80, 200, KeyShape.ANTHROPIC),
                new VendorKeyFormat(ANTHROPIC, "sk-ant-oat", BASE64URL, 80, 200, KeyShape.ANTHROPIC),
                new VendorKeyFormat(AWS, "AKIA", BASE32_UPPER, 16, 16, KeyShape.AWS_KEY_ID),
                new VendorKeyFormat(AWS, "ASIA", BASE32_UPPER, 16, 16, KeyShape.AWS_KEY_ID),
                new VendorKeyFormat(AWS, "ABIA", BASE32_UPPER, 16, 16, KeyShape.AWS_KEY_ID),
                new VendorKeyFormat(AWS, "ACCA", BASE32_UPPER, 16, 16, KeyShape.AWS_KEY_ID),
                new VendorKeyFormat(AWS, "ABSKQmVkcm9ja0FQSUtleS", BASE64, 100, 200, KeyShape.ANY),
                new VendorKeyFormat(GITHUB, "ghp_", ALNUM, 36, 255, KeyShape.ANY),
                new VendorKeyFormat(GITHUB, "gho_", ALNUM, 36, 255, KeyShape.ANY),
                new VendorKeyFormat(GITHUB, "ghu_", ALNUM, 36, 255, KeyShape.ANY),
                new VendorKeyFormat(GITHUB, "ghs_", ALNUM, 36, 255, KeyShape.ANY),
                new VendorKeyFormat(GITHUB, "ghr_", ALNUM, 36, 255, KeyShape.ANY),
                new VendorKeyFormat(GITHUB, "github_pat_", BASE64URL, 60, 255, KeyShape.ANY),
                new VendorKeyFormat(GITLAB, "glpat-", WORD_DOT_DASH, 20, 80, KeyShape.ANY),
                new VendorKeyFormat(GITLAB, "glptt-", BASE64URL, 40, 80, KeyShape.ANY),
                new VendorKeyFormat(GITLAB, "glrt-", WORD_DOT_DASH, 20, 80, KeyShape.ANY),
                new VendorKeyFormat(GITLAB, "GR1348941", BASE64URL, 20, 80, KeyShape.ANY),
                new VendorKeyFormat(SLACK, "xoxb-", BASE64URL, 30, 255, KeyShape.SLACK),
                new VendorKeyFormat(SLACK, "xoxp-", BASE64URL, 30, 255, KeyShape.SLACK),
                new VendorKeyFormat(SLACK, "xoxa-", BASE64URL, 30, 255, KeyShape.SLACK),
                new VendorKeyFormat(SLACK, "xoxr-", BASE64URL, 30, 255, KeyShape.SLACK),
                new VendorKeyFormat(SLACK, "xoxs-", BASE64URL, 30, 255, KeyShape.SLACK),
                new VendorKeyFormat(SLACK, "xoxe.xoxp-", BASE64URL, 100, 400, KeyShape.ANY),
                new VendorKeyFormat(SLACK, "xoxe-", BASE64URL, 100, 400, KeyShape.ANY),
                new VendorKeyFormat(SLACK, "hooks.slack.com/services/", URL_PATH, 40, 120, KeyShape.ANY),
                new VendorKeyFormat(SLACK, "hooks.slack.com/workflows/", URL_PATH, 40, 160, KeyShape.ANY),
                new VendorKeyFormat(SLACK, "hooks.slack.com/triggers/", URL_PATH, 40, 160, KeyShape.ANY),
                new VendorKeyFormat(ALIBABA, "LTAI", ALNUM, 12, 28, KeyShape.ANY),
                new VendorKeyFormat(GOOGLE, "AIza", BASE64URL, 35, 35, KeyShape.ANY),
                new VendorKeyFormat(STRIPE, "sk_live_", ALNUM, 16, 255, KeyShape.ANY),
                new VendorKeyFormat(STRIPE, "sk_test_", ALNUM, 16, 255, KeyShape.ANY),
                new VendorKeyFormat(STRIPE, "rk_live_", ALNUM, 16, 255, KeyShape.ANY),
                new VendorKeyFormat(STRIPE, "rk_test_", ALNUM, 16, 255, KeyShape.ANY),
                new VendorKeyFormat(HUGGINGFACE, "hf_", LETTERS, 34, 34, KeyShape.ANY),
                new VendorKeyFormat(HUGGINGFACE, "api_org_", LETTERS, 34, 34, KeyShape.ANY),
                new VendorKeyFormat(NPM, "npm_", ALNUM, 36, 36, KeyShape.ANY));
    }
}
