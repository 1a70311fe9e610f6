package io.llmgateway.policy.sensitivity;

/**
 * The category of a finding. The routing policy maps categories and detector ids to data classes
 * (e.g. {@code SECRET} and {@code SOURCE_CODE} to confidential).
 */
public enum FindingKind {
    /** Personal data: resident ids, phone numbers, passports, e-mail and private addresses. */
    PII,
    /** Payment data: bank and credit cards, IBANs. */
    FINANCIAL,
    /** Credentials: vendor API keys, private keys, tokens, passwords. */
    SECRET,
    /** Program text recognised by structure. */
    SOURCE_CODE,
    /** Matches of the policy's own keyword lists and regular expressions. */
    CUSTOM
}
