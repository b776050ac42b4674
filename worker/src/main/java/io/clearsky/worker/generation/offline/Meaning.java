package io.clearsky.worker.generation.offline;

import io.clearsky.core.semantic.SemanticModel.Dimension;
import io.clearsky.core.semantic.SemanticModel.Entity;
import io.clearsky.core.semantic.SemanticModel.Metric;
import io.clearsky.core.semantic.SemanticModel.Segment;
import io.clearsky.core.semantic.SemanticModel.TimeDimension;

/** What a phrase of a question may name in the model. */
sealed interface Meaning {

    /** The model object's name, for messages and clarifying questions. */
    String label();

    /** A governed measure ("revenue"). */
    record OfMetric(Metric metric) implements Meaning {
        public String label() {
            return this.metric.name();
        }
    }

    /** A thing people count or group by ("customers", "product"). */
    record OfEntity(Entity entity) implements Meaning {
        public String label() {
            return this.entity.name();
        }
    }

    /** An attribute ("region", "status", "unit price"); numeric when its column is. */
    record OfDimension(Dimension dimension, boolean numeric) implements Meaning {
        public String label() {
            return this.dimension.name();
        }
    }

    /** A value of an attribute ("DACH" is a region, "Ava Muller" a customer). */
    record OfValue(Dimension dimension, String value) implements Meaning {
        public String label() {
            return this.dimension.name() + " " + this.value;
        }
    }

    /** A named filter ("enterprise customers"). */
    record OfSegment(Segment segment) implements Meaning {
        public String label() {
            return this.segment.name();
        }
    }

    /** A date to bucket and filter by ("order date"). */
    record OfTime(TimeDimension time) implements Meaning {
        public String label() {
            return this.time.name();
        }
    }
}
