package dev.jobalerts.mail;

import java.util.Objects;

/** Another board carrying a job an alert lists: "also on: JobHub, RemoteBoard", each name a link when it has one. */
public record AlsoOn(String name, String url) {
    public AlsoOn {
        Objects.requireNonNull(name, "name");
        url = url == null ? "" : url;
    }
}
