package no.samhandling.discharge.messaging;

import no.samhandling.discharge.codes.Coded;

/** A message's status (extension message-status; PLO forsendelsesstatus): new (N), corrected (M) or cancelled (C). */
public enum MessageStatus implements Coded {
    NEW("new"),
    CORRECTED("corrected"),
    CANCELLED("cancelled");

    private final String code;

    MessageStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
