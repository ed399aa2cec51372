package io.flowhub.gateway.auth;

/** Delivers a one-time code to its owner. Replace the bean to send e-mail or SMS. */
public interface OtpSender {

    void send(String email, String code);
}
