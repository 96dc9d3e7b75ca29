/**
 * Email in and out. Inbound: mail to {@code {user}.{val}@{domain}} over SMTP ({@link
 * dev.valbox.email.control.InboundSmtp}) runs that email val with the parsed mail; unknown addresses are refused at
 * RCPT, and everything a client can make the listener hold is bounded. Outbound email: a user's mail, sent over {@code POST /v1/email} and from vals through std/email, both through
 * {@link dev.valbox.email.control.Emails} and its {@code email:write} check. Mail always leaves from the server's sender
 * address with the author's username as display name, so no val can pose as someone else; recipients are limited to
 * the author's own address unless the operator allows any. With an SMTP server configured the mail is delivered
 * through Jakarta Mail, otherwise it is kept in the user's outbox; either way it is recorded, and
 * {@code GET /v1/email} ({@code email:read}) lists it.
 */
package dev.valbox.email;
