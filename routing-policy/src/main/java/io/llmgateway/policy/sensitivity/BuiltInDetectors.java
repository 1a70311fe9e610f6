package io.llmgateway.policy.sensitivity;

import io.llmgateway.policy.sensitivity.code.SourceCodeDetector;
import io.llmgateway.policy.sensitivity.custom.CustomRegexDetector;
import io.llmgateway.policy.sensitivity.custom.KeywordListDetector;
import io.llmgateway.policy.sensitivity.financial.BankCardDetector;
import io.llmgateway.policy.sensitivity.financial.IbanDetector;
import io.llmgateway.policy.sensitivity.pii.EmailDetector;
import io.llmgateway.policy.sensitivity.pii.LandlineNumberDetector;
import io.llmgateway.policy.sensitivity.pii.MobileNumberDetector;
import io.llmgateway.policy.sensitivity.pii.PassportDetector;
import io.llmgateway.policy.sensitivity.pii.PrivateIpDetector;
import io.llmgateway.policy.sensitivity.pii.ResidentIdDetector;
import io.llmgateway.policy.sensitivity.pii.SocialCreditCodeDetector;
import io.llmgateway.policy.sensitivity.secret.ApiKeyDetector;
import io.llmgateway.policy.sensitivity.secret.ConnectionPasswordDetector;
import io.llmgateway.policy.sensitivity.secret.GenericSecretDetector;
import io.llmgateway.policy.sensitivity.secret.JwtDetector;
import io.llmgateway.policy.sensitivity.secret.PrivateKeyBlockDetector;
import io.llmgateway.policy.sensitivity.text.DigitRunDetector;
import io.llmgateway.policy.sensitivity.text.DigitSequences;
import io.llmgateway.policy.sensitivity.text.PairIndex;
import io.llmgateway.policy.sensitivity.text.PairSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ids of the built-in detectors, and the detectors a configuration enables, in scan order. */
public final class BuiltInDetectors {

    /** Every built-in detector id, in scan order. */
    public static final List<String> IDS = List.of(
            ResidentIdDetector.ID, MobileNumberDetector.ID, LandlineNumberDetector.ID, SocialCreditCodeDetector.ID,
            PassportDetector.ID, BankCardDetector.ID, IbanDetector.ID, EmailDetector.ID, PrivateIpDetector.ID,
            ApiKeyDetector.ID, PrivateKeyBlockDetector.ID, JwtDetector.ID, ConnectionPasswordDetector.ID,
            GenericSecretDetector.ID, SourceCodeDetector.ID);

    /** The detectors that read {@link DigitSequences}. */
    private static final Set<String> DIGIT_RUN_READERS = Set.of(ResidentIdDetector.ID, MobileNumberDetector.ID,
            LandlineNumberDetector.ID, BankCardDetector.ID, IbanDetector.ID, SocialCreditCodeDetector.ID);

    private BuiltInDetectors() {
    }

    /**
     * The detectors of {@code config}: enabled built-ins (the number detectors sharing one pass as a
     * {@link NumberDetectorFamily}), then the custom keyword and regex detectors.
     */
    static List<Detector> of(ClassifierConfig config) {
        List<Detector> detectors = new ArrayList<>();
        List<DigitRunDetector> numbers = new ArrayList<>();
        for (String id : IDS) {
            if (config.enabledDetectors().contains(id)) {
                Detector d = create(id, config);
                if (d instanceof DigitRunDetector number) {
                    if (numbers.isEmpty()) {
                        detectors.add(null);
                    }
                    numbers.add(number);
                } else {
                    detectors.add(d);
                }
            }
        }
        if (!numbers.isEmpty()) {
            detectors.set(detectors.indexOf(null), numbers.size() == 1 ? numbers.get(0) : new NumberDetectorFamily(numbers));
        }
        if (!config.customKeywords().isEmpty()) {
            detectors.add(new KeywordListDetector(config.customKeywords(), config.customKeywordsCaseInsensitive(),
                    config.customKeywordsWholeWords()));
        }
        if (!config.customRegexes().isEmpty()) {
            detectors.add(new CustomRegexDetector(config.customRegexes(), config.customRegexStepsPerChar()));
        }
        return List.copyOf(detectors);
    }

    /**
     * The pair index the enabled built-in detectors share: one pass over a text finds the digit runs
     * (number, IBAN and social-credit-code detectors), the key prefixes and the secret names.
     */
    static PairIndex anchors(ClassifierConfig config) {
        Set<String> on = config.enabledDetectors();
        List<PairSet> sets = new ArrayList<>();
        if (on.stream().anyMatch(DIGIT_RUN_READERS::contains)) {
            sets.add(DigitSequences.STARTS);
        }
        if (on.contains(ApiKeyDetector.ID)) {
            sets.add(ApiKeyDetector.ANCHORS);
        }
        if (on.contains(GenericSecretDetector.ID)) {
            sets.add(GenericSecretDetector.ANCHORS);
        }
        return PairIndex.of(sets);
    }

    private static Detector create(String id, ClassifierConfig config) {
        return switch (id) {
            case ResidentIdDetector.ID -> new ResidentIdDetector();
            case MobileNumberDetector.ID -> new MobileNumberDetector();
            case LandlineNumberDetector.ID -> new LandlineNumberDetector();
            case SocialCreditCodeDetector.ID -> new SocialCreditCodeDetector();
            case PassportDetector.ID -> new PassportDetector();
            case BankCardDetector.ID -> new BankCardDetector();
            case IbanDetector.ID -> new IbanDetector();
            case EmailDetector.ID -> new EmailDetector();
            case PrivateIpDetector.ID -> new PrivateIpDetector();
            case ApiKeyDetector.ID -> new ApiKeyDetector();
            case PrivateKeyBlockDetector.ID -> new PrivateKeyBlockDetector();
            case JwtDetector.ID -> new JwtDetector();
            case ConnectionPasswordDetector.ID -> new ConnectionPasswordDetector();
            case GenericSecretDetector.ID -> new GenericSecretDetector(config.genericSecretEntropyThreshold());
            case SourceCodeDetector.ID -> new SourceCodeDetector(config.sourceCodeThreshold(), config.sourceCodeMinLines());
            default -> throw new IllegalArgumentException("unknown detector id '" + id + "'");
        };
    }
}
