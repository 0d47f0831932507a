package org.perfledger.command.platform;

/** One thing wrong with a request: which field, which rule (a stable code) and what a person should read. */
public record FieldError(String field, String rule, String message) {
}
