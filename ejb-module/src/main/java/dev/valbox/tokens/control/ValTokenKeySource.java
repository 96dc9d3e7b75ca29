package dev.valbox.tokens.control;

import dev.valbox.cluster.control.SharedSecrets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives MicroProfile JWT the public half of the val token key as {@code mp.jwt.verify.publickey}, so the container
 * verifies exactly what {@link ValTokens} signs, whether the key was configured or generated into the data directory.
 * Registered with ServiceLoader. Its ordinal puts it above the bundled defaults and below environment variables and
 * system properties.
 */
public class ValTokenKeySource implements ConfigSource {

    public static final String VERIFY_PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String PRIVATE_KEY = "valbox.val-token.private-key";
    public static final String PUBLIC_KEY = "valbox.val-token.public-key";
    static final String CLUSTER = "valbox.cluster";
    static final int ORDINAL = 150;

    private static volatile ValTokenKey key;
    /** Set while this thread resolves the key, so a config lookup made meanwhile cannot ask for the key again. */
    private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

    /**
     * The key of this deployment: from configuration if set; else, on a member of a cluster, the one the members share
     * in the database; else read from or generated into {@code valbox.data}.
     */
    public static ValTokenKey key() {
        var current = key;
        if (current != null) {
            return current;
        }
        synchronized (ValTokenKeySource.class) {
            if (key == null) {
                RESOLVING.set(true);
                try {
                    key = resolve(ConfigProvider.getConfig(ValTokenKeySource.class.getClassLoader()));
                } finally {
                    RESOLVING.remove();
                }
            }
            return key;
        }
    }

    static ValTokenKey resolve(Config config) {
        var privateKey = config.getOptionalValue(PRIVATE_KEY, String.class);
        var publicKey = config.getOptionalValue(PUBLIC_KEY, String.class);
        if (privateKey.isPresent() != publicKey.isPresent()) {
            throw new IllegalStateException("set both " + PRIVATE_KEY + " and " + PUBLIC_KEY + ", or neither");
        }
        if (privateKey.isPresent()) {
            return ValTokenKey.decode(privateKey.get(), publicKey.get());
        }
        if (config.getOptionalValue(CLUSTER, String.class).isPresent()) {
            // Members verify each other's tokens, and their data directories are their own: the key is in the database.
            return ValTokenKey.parse(
                    SharedSecrets.getOrCreate(config, ValTokenKey.FILE, () -> ValTokenKey.generate()
                            .pem()),
                    "the cluster's val token key (vb_cluster_secret)");
        }
        return ValTokenKey.inDirectory(Path.of(config.getValue("valbox.data", String.class)));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(VERIFY_PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        var value = getValue(VERIFY_PUBLIC_KEY);
        return value == null ? Map.of() : Map.of(VERIFY_PUBLIC_KEY, value);
    }

    @Override
    public String getValue(String propertyName) {
        if (!VERIFY_PUBLIC_KEY.equals(propertyName) || RESOLVING.get()) {
            return null;
        }
        return key().publicKeyBase64();
    }

    @Override
    public String getName() {
        return "valbox val token key";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
