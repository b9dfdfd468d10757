package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.RepologyClient;
import org.criu.status.core.source.RepologyClient.Package;

/**
 * Which distributions package a project, from Repology (one request): context only, it supports no status by
 * itself. With {@code repos} (Repology's names: {@code debian_13}, {@code fedora_43}) one citation per listed
 * repository that has it; without, one citation saying how many repositories carry it.
 */
public record PackagesProbe(String project, List<String> repos) implements Probe {

    public PackagesProbe {
        project = Templates.require(project, "project");
        repos = repos == null ? List.of() : List.copyOf(repos);
    }

    @JsonCreator
    static PackagesProbe bind(@JsonProperty("project") String project, @JsonProperty("repos") List<String> repos) {
        return new PackagesProbe(project, repos);
    }

    @Override
    public String describe() {
        return "Repology project " + project + (repos.isEmpty() ? "" : " in " + String.join(", ", repos));
    }

    @Override
    public ProbeResult run(ProbeRun run) throws SourceException {
        List<Package> packages = run.context().repology().packages(project);
        String url = RepologyClient.projectUrl(project);
        if (packages.isEmpty()) {
            return ProbeResult.of(Evidence.undated(Signal.CONTEXT, "repology", url,
                    "Repology knows no packages of " + project));
        }
        List<Evidence> evidence = new ArrayList<>();
        if (repos.isEmpty()) {
            long count = packages.stream().map(Package::repo).distinct().count();
            evidence.add(Evidence.undated(Signal.CONTEXT, "repology", url,
                    project + " is packaged in " + count + " repositories"));
        }
        for (String repo : repos) {
            packages.stream().filter(p -> p.repo().equals(repo)).findFirst().ifPresent(p -> evidence.add(
                    Evidence.undated(Signal.CONTEXT, "repology", url, repo + " packages " + p.name() + " "
                            + p.origVersion().orElse(p.version()))));
        }
        return ProbeResult.of(evidence);
    }
}
