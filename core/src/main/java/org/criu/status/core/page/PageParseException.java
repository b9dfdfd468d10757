package org.criu.status.core.page;

/** The page cannot be read as an Integration page; the message names the page and what is missing. */
public class PageParseException extends Exception {
    public PageParseException(String message) {
        super(message);
    }
}
