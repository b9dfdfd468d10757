package org.criu.status.core.testkit;

import java.util.List;

/** Builds Atom feeds shaped like GitHub's {@code https://github.com/{owner}/{repo}/tags.atom}. */
public final class AtomFixtures {

    private AtomFixtures() {
    }

    /** One tag entry: the tag's name and its date (ISO with offset, as GitHub writes it). */
    public record EntrySpec(String tag, String isoDate) {
    }

    /** GitHub's tags feed of {@code repo}, entries in the given order (GitHub: newest first). */
    public static String gitHubTags(String repo, List<EntrySpec> entries) {
        String name = repo.substring(repo.indexOf('/') + 1);
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
                  <id>tag:github.com,2008:https://github.com/%1$s/releases</id>
                  <link type="text/html" rel="alternate" href="https://github.com/%1$s/releases"/>
                  <link type="application/atom+xml" rel="self" href="https://github.com/%1$s/tags.atom"/>
                  <title>Tags from %2$s</title>
                  <updated>%3$s</updated>
                """.formatted(repo, name, entries.isEmpty() ? "2026-01-01T00:00:00Z" : entries.get(0).isoDate()));
        for (EntrySpec e : entries) {
            out.append("""
                      <entry>
                        <id>tag:github.com,2008:Repository/000000000/%2$s</id>
                        <updated>%3$s</updated>
                        <link rel="alternate" type="text/html" href="https://github.com/%1$s/releases/tag/%2$s"/>
                        <title>%2$s</title>
                        <content type="html">&lt;p&gt;%2$s&lt;/p&gt;</content>
                        <author>
                          <name>maintainer</name>
                        </author>
                        <media:thumbnail height="30" width="30" url="https://avatars.githubusercontent.com/u/0?s=60&amp;v=4"/>
                      </entry>
                    """.formatted(repo, e.tag(), e.isoDate()));
        }
        return out.append("</feed>\n").toString();
    }

    /** One commit of a branch's feed: its sha, date (ISO with offset) and first line. */
    public record CommitSpec(String sha, String isoDate, String title) {
    }

    /**
     * GitHub's feed of a branch's commits, {@code https://github.com/{owner}/{repo}/commits/{branch}.atom}, newest
     * first: each entry's id and link carry the commit's sha.
     */
    public static String gitHubCommits(String repo, String branch, List<CommitSpec> commits) {
        String name = repo.substring(repo.indexOf('/') + 1);
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
                  <id>tag:github.com,2008:/%1$s/commits/%4$s</id>
                  <link type="text/html" rel="alternate" href="https://github.com/%1$s/commits/%4$s"/>
                  <link type="application/atom+xml" rel="self" href="https://github.com/%1$s/commits/%4$s.atom"/>
                  <title>Recent Commits to %2$s:%4$s</title>
                  <updated>%3$s</updated>
                """.formatted(repo, name, commits.isEmpty() ? "2026-01-01T00:00:00Z" : commits.get(0).isoDate(), branch));
        for (CommitSpec c : commits) {
            out.append("""
                      <entry>
                        <id>tag:github.com,2008:Grit::Commit/%2$s</id>
                        <link type="text/html" rel="alternate" href="https://github.com/%1$s/commit/%2$s"/>
                        <title>
                            %4$s
                        </title>
                        <updated>%3$s</updated>
                        <media:thumbnail height="30" width="30" url="https://avatars.githubusercontent.com/u/0?s=30&amp;v=4"/>
                        <author>
                          <name>committer</name>
                          <uri>https://github.com/committer</uri>
                        </author>
                        <content type="html">&lt;pre style=&#39;white-space:pre-wrap;width:81ex&#39;&gt;%4$s&lt;/pre&gt;</content>
                      </entry>
                    """.formatted(repo, c.sha(), c.isoDate(), c.title()));
        }
        return out.append("</feed>\n").toString();
    }
}
