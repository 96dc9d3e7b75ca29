package dev.valbox.runner;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * TLS for a connection made to an IP address on behalf of a host name. {@link Fetcher} connects by the
 * address it has checked, so HttpClient would name the IP to TLS; this context's engines are created for
 * the host name instead, so SNI carries the host name and the certificate is verified against the host
 * name only (JSSE takes both from the engine's peer host; there is no fallback to the IP).
 */
final class HostNamedTls extends SSLContext {

    HostNamedTls(SSLContext base, String hostName) {
        super(new Spi(base, hostName), base.getProvider(), base.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {

        private final SSLContext base;
        private final String hostName;

        Spi(SSLContext base, String hostName) {
            this.base = base;
            this.hostName = hostName;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw new UnsupportedOperationException("an engine needs the host name");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String ignoredAddress, int port) {
            return base.createSSLEngine(hostName, port);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException("HttpClient uses engines only");
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("client only");
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return base.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return base.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return base.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return base.getSupportedSSLParameters();
        }
    }
}
