/**
 * The error model. Every domain error is a {@link dev.valbox.problems.entity.ValboxException} with a kind; the web
 * module renders it as RFC 9457 problem+json. No stack trace, SQL or Java class name ever reaches a client.
 */
package dev.valbox.problems;
