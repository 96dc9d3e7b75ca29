/**
 * The site as it is deployed: its public URL, the hosts it answers on, and the run domain beside it (SPEC §1). Each of
 * these settings is read here once; the capabilities that point back at the site (val tokens' issuer, module URLs,
 * runs' API URL, email addresses) or tell the two domains apart ask {@link dev.valbox.site.control.Site}. It depends on
 * no other capability, so anything may use it.
 */
package dev.valbox.site;
