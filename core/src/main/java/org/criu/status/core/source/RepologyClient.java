package org.criu.status.core.source;

import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.criu.status.core.model.SourceException;

/**
 * Repology's API v1: which distributions package a project, in which version. Repology asks API clients
 * for a descriptive User-Agent (the HTTP layer sends one) and no more than one request per second, so a
 * checker asks for one project, not many.
 */
public final class RepologyClient {

    public static final String BASE = "https://repology.org";
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");

    /**
     * One package of a project in one repository ("debian_12", "ubuntu_24_04"). {@code version} is Repology's
     * normalised version, {@code origVersion} the repository's own ("1:5.44-3"); {@code status} is Repology's
     * verdict on it: newest, devel, unique, outdated, legacy, rolling, noscheme, incorrect, untrusted, ignored.
     */
    public record Package(String repo, Optional<String> subrepo, Optional<String> srcName, Optional<String> binName,
                          Optional<String> visibleName, String version, Optional<String> origVersion, String status,
                          Optional<String> summary) {
        /** The package's name as a person would look it up: binary name, else source name, else Repology's. */
        public String name() {
            return binName.or(() -> srcName).or(() -> visibleName).orElse("");
        }
    }

    private final SourceHttp http;

    public RepologyClient(SourceHttp http) {
        this.http = http;
    }

    /**
     * The packages of project {@code name} ("file", "openjdk"), in Repology's order; empty when Repology
     * knows no such project (it answers an unknown name with an empty list, or 404).
     */
    public List<Package> packages(String name) throws SourceException {
        String url = BASE + "/api/v1/project/" + GitLabClient.encodeSegment(name);
        JavaType list = SourceHttp.JSON.getTypeFactory().constructCollectionType(List.class, PackageJson.class);
        Optional<List<PackageJson>> found = http.getJson(url, list, HEADERS);
        List<Package> packages = new ArrayList<>();
        for (PackageJson p : found.orElse(List.of())) {
            // repo and version are the API's only mandatory fields; without them the body is not Repology's.
            if (p == null || p.repo == null || p.version == null) {
                throw new SourceException(url, "GET " + url + " returned a package without repo or version");
            }
            packages.add(new Package(p.repo, Optional.ofNullable(p.subrepo), Optional.ofNullable(p.srcname),
                    Optional.ofNullable(p.binname), Optional.ofNullable(p.visiblename), p.version,
                    Optional.ofNullable(p.origversion), p.status == null ? "" : p.status,
                    Optional.ofNullable(p.summary)));
        }
        return packages;
    }

    /** The project's page a person opens: https://repology.org/project/file/versions. */
    public static String projectUrl(String name) {
        return BASE + "/project/" + GitLabClient.encodeSegment(name) + "/versions";
    }

    // The API's field names are already lower-case words without separators.
    record PackageJson(String repo, String subrepo, String srcname, String binname, String visiblename,
                       String version, String origversion, String status, String summary) {
    }
}
