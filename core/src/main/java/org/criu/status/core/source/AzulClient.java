package org.criu.status.core.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.criu.status.core.model.SourceException;

/**
 * Azul's metadata API (api.azul.com/metadata/v1, no token needed for community builds): which Azul Zulu
 * builds of OpenJDK exist, and which of them carry CRaC (Coordinated Restore at Checkpoint, built on CRIU).
 */
public final class AzulClient {

    public static final String PACKAGES = "https://api.azul.com/metadata/v1/zulu/packages";
    /** The page a person opens to see Zulu builds with CRaC. */
    public static final String CRAC_DOWNLOADS = "https://www.azul.com/downloads/?package=jdk-crac#zulu";
    private static final int PAGE_SIZE = 100;
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");

    /**
     * One downloadable package ("zulu21.38.21-ca-crac-jdk21.0.5-linux_x64.tar.gz"). {@code cracSupported} is
     * present only when the API was asked to include it; {@link #crac()} also reads the name.
     */
    public record ZuluPackage(String uuid, String name, List<Integer> javaVersion, List<Integer> distroVersion,
                              boolean latest, String downloadUrl, Optional<Boolean> cracSupported,
                              Optional<String> availabilityType) {
        /** "21.0.5". */
        public String javaVersionText() {
            return javaVersion.stream().map(String::valueOf).collect(Collectors.joining("."));
        }

        /** "21.38.21" (the fourth, build-internal number left out when it is 0). */
        public String distroVersionText() {
            List<Integer> shown = distroVersion.size() == 4 && distroVersion.get(3) == 0
                    ? distroVersion.subList(0, 3) : distroVersion;
            return shown.stream().map(String::valueOf).collect(Collectors.joining("."));
        }

        /** The Java feature release: 21 for 21.0.5; 0 when the API gave no version. */
        public int javaMajor() {
            return javaVersion.isEmpty() ? 0 : javaVersion.get(0);
        }

        /** Whether the build carries CRaC: the API's flag, else Azul's "-crac-" file naming. */
        public boolean crac() {
            return cracSupported.orElse(name.contains("-crac-"));
        }
    }

    private final SourceHttp http;

    public AzulClient(SourceHttp http) {
        this.http = http;
    }

    /**
     * The newest generally available JDK package with CRaC per Java feature release, for one OS and
     * architecture ("linux", "x64"); empty when Azul lists none.
     */
    public List<ZuluPackage> cracPackages(String os, String arch) throws SourceException {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("crac_supported", "true");
        filters.put("os", os);
        filters.put("arch", arch);
        filters.put("java_package_type", "jdk");
        filters.put("release_status", "ga");
        filters.put("availability_types", "CA");
        filters.put("latest", "true");
        return packages(filters, 1);
    }

    /**
     * Packages matching {@code filters} (the API's query parameters, sent in the map's order), reading pages of
     * 100 until a short page or {@code maxPages}.
     */
    public List<ZuluPackage> packages(Map<String, String> filters, int maxPages) throws SourceException {
        JavaType list = SourceHttp.JSON.getTypeFactory().constructCollectionType(List.class, PackageJson.class);
        List<ZuluPackage> all = new ArrayList<>();
        for (int page = 1; page <= maxPages; page++) {
            String url = url(filters, page);
            // Azul answers a filter that matches nothing with [], so a 404 means the endpoint itself is gone.
            List<PackageJson> packages = http.getJsonPresent(url, list, HEADERS, "GET " + url + " answered HTTP "
                    + "404: Azul's packages endpoint is gone (an API that moved?); it answers 'no such builds' with "
                    + "an empty list, never a 404");
            for (PackageJson p : packages) {
                if (p == null || p.name == null || p.javaVersion == null) {
                    throw new SourceException(url, "GET " + url + " returned a package without name or java_version");
                }
                all.add(new ZuluPackage(p.packageUuid == null ? "" : p.packageUuid, p.name, List.copyOf(p.javaVersion),
                        p.distroVersion == null ? List.of() : List.copyOf(p.distroVersion), p.latest,
                        p.downloadUrl == null ? "" : p.downloadUrl, Optional.ofNullable(p.cracSupported),
                        Optional.ofNullable(p.availabilityType)));
            }
            if (packages.size() < PAGE_SIZE) {
                break;
            }
        }
        return all;
    }

    static String url(Map<String, String> filters, int page) {
        StringBuilder url = new StringBuilder(PACKAGES).append('?');
        filters.forEach((k, v) -> url.append(encode(k)).append('=').append(encode(v)).append('&'));
        return url.append("page=").append(page).append("&page_size=").append(PAGE_SIZE).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record PackageJson(@JsonProperty("package_uuid") String packageUuid, String name,
                       @JsonProperty("java_version") List<Integer> javaVersion,
                       @JsonProperty("distro_version") List<Integer> distroVersion, boolean latest,
                       @JsonProperty("download_url") String downloadUrl,
                       @JsonProperty("crac_supported") Boolean cracSupported,
                       @JsonProperty("availability_type") String availabilityType) {
    }
}
