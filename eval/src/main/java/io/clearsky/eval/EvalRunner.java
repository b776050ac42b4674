package io.clearsky.eval;

import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.guard.GuardProperties;
import io.clearsky.core.guard.GuardVerdict;
import io.clearsky.core.guard.SqlGuard;
import io.clearsky.core.embedding.CachedEmbeddings;
import io.clearsky.core.embedding.Embeddings;
import io.clearsky.core.embedding.MiniLmEmbeddings;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.vector.InMemoryVectorIndex;
import io.clearsky.core.vector.RetrievalProperties;
import io.clearsky.worker.execution.DuckDbEngine;
import io.clearsky.worker.execution.EngineException;
import io.clearsky.worker.execution.EngineQuery;
import io.clearsky.worker.execution.EngineResult;
import io.clearsky.worker.generation.Generation;
import io.clearsky.worker.generation.GenerationException;
import io.clearsky.worker.generation.GenerationRequest;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.retrieval.HybridRetriever;
import io.clearsky.worker.retrieval.SchemaContext;
import io.clearsky.worker.retrieval.SchemaRetriever;
import io.clearsky.schemas.avro.ResultColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs an evaluation set through the worker's own stages, in process: for each database a freshly
 * loaded DuckDB, its catalog, retrieval, the generator, the guard and the engine, exactly as a worker
 * would run them. Gold queries are run on the same database only to score; the generator never sees
 * them or their results.
 */
public final class EvalRunner {

    /** Rows fetched per result: more than any gold result has, well under the guard's row cap. */
    static final int MAX_ROWS = 10_000;

    static final int RETRIEVED_TABLES = 8;

    static final int TOKEN_BUDGET = new RetrievalProperties(null, null, null, null).tokenBudget();

    private static final String DATABASE = "main";

    /** How a generator marks an answer taken from a verified question (the offline reader's wording). */
    static final String VERIFIED_PREFIX = "Answered from the verified question";

    /** Told about progress as the run goes. */
    public interface Progress {

        void databaseStarted(String db, int questions);

        void questionDone(EvalItem item);
    }

    private final SqlGenerator generator;

    private final Progress progress;

    /** One model for every database; each database gets its own index. */
    private final Embeddings embeddings = new CachedEmbeddings(new MiniLmEmbeddings(), 50_000);

    public EvalRunner(SqlGenerator generator, Progress progress) {
        this.generator = generator;
        this.progress = progress;
    }

    /** Runs the first {@code limit} questions of {@code set} (all when {@code limit} is not positive). */
    public EvalReport run(EvalSet set, String setName, int limit) {
        List<EvalQuestion> questions = (limit > 0 && limit < set.questions().size())
                ? set.questions().subList(0, limit) : set.questions();
        Map<String, List<EvalQuestion>> byDatabase = new LinkedHashMap<>();
        questions.forEach((question) -> byDatabase.computeIfAbsent(question.db(), (db) -> new ArrayList<>()).add(question));
        List<EvalItem> items = new ArrayList<>();
        List<Double> recalls = new ArrayList<>();
        for (Map.Entry<String, List<EvalQuestion>> database : byDatabase.entrySet()) {
            this.progress.databaseStarted(database.getKey(), database.getValue().size());
            try (DuckDbLake lake = DuckDbLake.load(set.database(database.getKey()))) {
                Stages stages = new Stages(lake, this.embeddings,
                        SemanticModels.inEffect(set.database(database.getKey()), database.getKey(), lake));
                for (EvalQuestion question : database.getValue()) {
                    Scored scored = evaluate(question, stages);
                    items.add(scored.item());
                    if (scored.recall() != null) {
                        recalls.add(scored.recall());
                    }
                    this.progress.questionDone(scored.item());
                }
            }
            catch (Exception ex) {
                for (EvalQuestion question : database.getValue()) {
                    EvalItem failed = new EvalItem(question.id(), question.db(), question.source(), question.hardness(),
                            question.category(), question.answerable(), EvalItem.Outcome.FAILED, false, false, null, "database could not be loaded: " + ex.getMessage(), List.of(), 0);
                    items.add(failed);
                    this.progress.questionDone(failed);
                }
            }
        }
        return EvalReport.of(setName, this.generator.name(), items, recalls);
    }

    private Scored evaluate(EvalQuestion question, Stages stages) {
        long start = System.nanoTime();
        SchemaContext schema = stages.retriever().retrieve(question.asked(), DATABASE);
        List<String> retrieved = schema.tables().stream().map(TableInfo::name).toList();
        String sql = null;
        String error = null;
        ResultTable result = null;
        Generation generation;
        try {
            generation = this.generator.generate(
                    new GenerationRequest(question.asked(), schema, MAX_ROWS, "duckdb").withModel(stages.model()));
        }
        catch (GenerationException ex) {
            generation = null;
            error = "generation " + ex.code() + ": " + ex.getMessage();
        }
        EvalItem.Outcome outcome = EvalItem.Outcome.FAILED;
        if (generation instanceof Generation.CannotAnswer cannot) {
            error = "abstained: " + cannot.reason();
            outcome = EvalItem.Outcome.DECLINED;
        }
        else if (generation instanceof Generation.Clarification clarification) {
            error = "asked: " + clarification.clarifyingQuestion();
            outcome = EvalItem.Outcome.CLARIFICATION;
        }
        else if (generation instanceof Generation.Sql generated) {
            sql = generated.sql();
            GuardVerdict verdict = stages.guard().check(sql, DATABASE);
            if (verdict instanceof GuardVerdict.Rejected rejected) {
                error = "rejected " + rejected.code() + ": " + rejected.message();
            }
            else {
                try {
                    result = run(stages.engine(), ((GuardVerdict.Accepted) verdict).sql());
                    outcome = verified(generated) ? EvalItem.Outcome.VERIFIED : EvalItem.Outcome.COMPOSED;
                }
                catch (EngineException ex) {
                    error = "engine: " + ex.getMessage();
                }
            }
        }
        double latencyMs = Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
        boolean correct = result != null && question.answerable() && matchesGold(question, result, stages);
        if (result != null && !correct) {
            error = question.answerable() ? "wrong result" : "answered a question that has no answer";
        }
        EvalItem item = new EvalItem(question.id(), question.db(), question.source(), question.hardness(),
                question.category(), question.answerable(), outcome, result != null, correct, sql, error, retrieved,
                latencyMs);
        return new Scored(item, recallAt5(question, retrieved, stages));
    }

    /** Whether the generator says it took the SQL from a verified question rather than composing it. */
    static boolean verified(Generation.Sql generated) {
        return generated.assumptions().stream().anyMatch((assumption) -> assumption.startsWith(VERIFIED_PREFIX));
    }

    private static boolean matchesGold(EvalQuestion question, ResultTable result, Stages stages) {
        for (String gold : question.acceptedSql()) {
            try {
                if (ResultScorer.matches(result, run(stages.engine(), gold), question.orderMatters())) {
                    return true;
                }
            }
            catch (EngineException ex) {
                // A gold query that does not run here scores nothing; the others may still match.
            }
        }
        return false;
    }

    /** 1 when every table the gold query reads is among the first five retrieved, else 0; null when it reads none. */
    private static Double recallAt5(EvalQuestion question, List<String> retrieved, Stages stages) {
        if (!question.answerable() || !(stages.guard().check(question.goldSql(), DATABASE) instanceof GuardVerdict.Accepted gold)
                || gold.tables().isEmpty()) {
            return null;
        }
        Set<String> top5 = Set.copyOf(retrieved.subList(0, Math.min(5, retrieved.size())).stream()
                .map((name) -> DATABASE + "." + name.toLowerCase(Locale.ROOT)).toList());
        long found = gold.tables().stream().map((name) -> name.toLowerCase(Locale.ROOT)).filter(top5::contains).count();
        return (found == gold.tables().size()) ? 1.0 : 0.0;
    }

    private static ResultTable run(DuckDbEngine engine, String sql) throws EngineException {
        EngineResult result = engine.execute(new EngineQuery("eval", 1, sql, null, MAX_ROWS, MAX_ROWS), (cancel) -> { });
        return new ResultTable(result.columns().stream().map(ResultColumn::getType).toList(), result.rows());
    }

    /** The worker's stages over one loaded database, with the semantic model in effect for it. */
    private record Stages(SchemaRetriever retriever, SqlGuard guard, DuckDbEngine engine, SemanticModel model) {

        Stages(DuckDbLake lake, Embeddings embeddings, SemanticModels.Source models) {
            this(new DuckDbCatalog(lake), lake, embeddings, models);
        }

        private Stages(DuckDbCatalog catalog, DuckDbLake lake, Embeddings embeddings, SemanticModels.Source models) {
            this(new HybridRetriever(catalog, embeddings, new InMemoryVectorIndex(embeddings.dimension()), RETRIEVED_TABLES,
                    TOKEN_BUDGET),
                    new SqlGuard(catalog, GuardProperties.defaults()), new DuckDbEngine(lake, null),
                    models.model(catalog.tables(DATABASE)));
        }
    }

    private record Scored(EvalItem item, Double recall) {
    }
}
