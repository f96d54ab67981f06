package io.liquidlens.dynamics.service;

import io.liquidlens.io.Rollouts;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollout files of a run with the names results show: a file found in a folder given is named by its path
 * below that folder ({@code clean/episode-0000.npz}), a file given by its file name; names that would still
 * collide are given as the path was.
 */
final class RolloutFiles {
    private RolloutFiles() {
    }

    /** A rollout file and its name. */
    record Named(Path file, String label) {
    }

    /**
     * @param given files or folders (every {@code .npz} under a folder, at any depth, in path order)
     * @throws io.liquidlens.LiquidLensException naming a path that does not exist or a folder without rollouts
     */
    static List<Named> of(List<Path> given) {
        List<Named> out = new ArrayList<>();
        for (Path p : given) {
            for (Path f : Rollouts.listRecursively(List.of(p))) {
                String label = Files.isDirectory(p) ? p.relativize(f).toString().replace('\\', '/')
                        : String.valueOf(f.getFileName());
                out.add(new Named(f, label));
            }
        }
        Map<String, Integer> count = new HashMap<>();
        out.forEach(n -> count.merge(n.label(), 1, Integer::sum));
        return out.stream().map(n -> count.get(n.label()) == 1 ? n
                : new Named(n.file(), Provenance.displayPath(n.file()))).toList();
    }
}
