package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https while connecting by checked IP: the certificate must still be verified against the host name the
 * val asked for, and SNI must name it. The server's certificate (made with keytool) is valid for
 * tls.valbox.test and for the IP 127.0.0.1; src/test/hosts points tls.valbox.test and
 * wrong-name.valbox.test at 127.0.0.1.
 */
class FetchTlsTest {

    @TempDir
    static Path keys;

    private static LocalServer server;
    private static Vals vals;
    private static final Set<String> serverNamesSeen = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        Path store = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=tls.valbox.test",
                        "-ext",
                        "SAN=dns:tls.valbox.test,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverTls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNamesSeen.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        server = new LocalServer(https);
        vals = new Vals(new Fetcher(AddressPolicy.PUBLIC_ONLY.allowing(server.address()), clientTls));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String outcome(String url) {
        Map<String, Object> result = vals.call("export default () => fetch('" + url + "')"
                + ".then(async r => r.status + ' ' + (await r.json()).headers.host, e => e.name + ': ' + e.message)");
        assertEquals("ok", result.get("status"), result::toString);
        return (String) result.get("value");
    }

    @Test
    void theCertificateIsVerifiedForTheHostNameAndSniNamesIt() {
        assertEquals(
                "200 tls.valbox.test:" + server.port(), outcome("https://tls.valbox.test:" + server.port() + "/echo"));
        assertTrue(serverNamesSeen.contains("tls.valbox.test"), serverNamesSeen::toString);
    }

    @Test
    void aNameTheCertificateDoesNotCoverFailsEvenThoughItsIpIsCovered() {
        String outcome = outcome("https://wrong-name.valbox.test:" + server.port() + "/echo");
        assertTrue(outcome.startsWith("TypeError: fetch failed: "), outcome);
        assertTrue(
                outcome.contains("wrong-name.valbox.test") || outcome.contains("No subject alternative DNS name"),
                outcome);
    }

    @Test
    void anIpUrlIsVerifiedAgainstTheIp() {
        assertEquals("200 127.0.0.1:" + server.port(), outcome("https://127.0.0.1:" + server.port() + "/echo"));
    }
}
