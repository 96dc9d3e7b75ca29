package dev.valbox.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server the IT servers send to: a GreenMail on {@code it.smtp.port}, the port the build picked and gave
 * the servers as {@code valbox.mail.smtp.port}. Only one test class runs at a time, so each starts its own.
 */
public final class Mailboxes {

    private Mailboxes() {}

    public static int port() {
        var port = Integer.getInteger("it.smtp.port");
        if (port == null) {
            throw new IllegalStateException("it.smtp.port is not set: run the ITs through Maven (web-module/pom.xml)");
        }
        return port;
    }

    public static GreenMail start() {
        var mail = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
