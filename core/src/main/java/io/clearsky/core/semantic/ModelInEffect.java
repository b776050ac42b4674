package io.clearsky.core.semantic;

import java.util.List;
import java.util.Map;

/**
 * The semantic model a database's questions are answered with, and where each part of it came from.
 *
 * @param database the database
 * @param model the authored model laid over the derived one, with promoted verified queries added
 * @param authoredLocation where the authored model was read from; null when the database has none
 * @param authored per kind ({@code entities}, {@code metrics}, …), the names of the objects the authored model
 * supplied
 * @param derived per kind, the names of the objects kept from the derived model
 * @param promoted verified queries promoted from answers since the workers started following them
 */
public record ModelInEffect(String database, SemanticModel model, String authoredLocation,
        Map<String, List<String>> authored, Map<String, List<String>> derived,
        List<SemanticModel.VerifiedQuery> promoted) {

    public ModelInEffect {
        authored = Map.copyOf(authored);
        derived = Map.copyOf(derived);
        promoted = List.copyOf(promoted);
    }

    public boolean hasAuthoredModel() {
        return this.authoredLocation != null;
    }
}
