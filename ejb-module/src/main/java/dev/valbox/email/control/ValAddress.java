package dev.valbox.email.control;

import dev.valbox.accounts.entity.User;
import dev.valbox.vals.entity.Val;
import java.util.Locale;
import java.util.Optional;

/**
 * The address of an email val: {@code {user}.{val}@{domain}}. Neither usernames nor val names hold a dot, so the first
 * dot of the local part splits them. The domain and the username are matched ignoring case, as mail systems do; the
 * val name is matched as val names always are, ignoring case.
 */
public record ValAddress(String username, String valName) {

    /** The val an address names, if it is in {@code domain} and shaped like a val's address. */
    public static Optional<ValAddress> parse(String address, String domain) {
        if (address == null) {
            return Optional.empty();
        }
        var at = address.lastIndexOf('@');
        if (at < 0 || !address.substring(at + 1).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        var local = address.substring(0, at);
        var dot = local.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        var username = local.substring(0, dot).toLowerCase(Locale.ROOT);
        var valName = local.substring(dot + 1);
        if (!User.USERNAME.matcher(username).matches()
                || !Val.NAME.matcher(valName).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ValAddress(username, valName));
    }

    public String in(String domain) {
        return username + "." + valName + "@" + domain;
    }
}
