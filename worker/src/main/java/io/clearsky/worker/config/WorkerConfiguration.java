package io.clearsky.worker.config;

import io.clearsky.core.audit.AuditTrail;
import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.semantic.SemanticModels;
import io.clearsky.worker.semantic.VerifiedQuestionReader;
import io.clearsky.core.chart.ChartAdvisor;
import io.clearsky.core.chart.ChartProperties;
import io.clearsky.core.chart.QuickChartLinks;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.guard.SqlGuard;
import io.clearsky.core.kafka.DurableProducers;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.intake.QuestionDecoder;
import io.clearsky.core.aws.AwsClients;
import io.clearsky.core.embedding.Embeddings;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.lake.LakeProperties;
import io.clearsky.core.policy.DataPolicies;
import io.clearsky.core.vector.RetrievalProperties;
import io.clearsky.core.vector.SchemaIndexes;
import io.clearsky.core.vector.VectorIndex;
import io.clearsky.worker.control.CancelRequestReader;
import io.clearsky.worker.control.Cancellations;
import io.clearsky.worker.execution.AthenaEngine;
import io.clearsky.worker.execution.DuckDbEngine;
import io.clearsky.worker.execution.QueryEngine;
import io.clearsky.worker.follow.TopicFollower;
import io.clearsky.worker.generation.GenerationProperties;
import io.clearsky.worker.generation.SqlGenerator;
import io.clearsky.worker.generation.SqlGenerators;
import io.clearsky.worker.intake.DeadLetterPublisher;
import io.clearsky.worker.intake.QuestionConsumer;
import io.clearsky.worker.intake.QuestionHandler;
import io.clearsky.worker.intake.QuestionValidator;
import io.clearsky.worker.ledger.LedgerRecovery;
import io.clearsky.worker.ledger.QueryLedger;
import io.clearsky.worker.pipeline.OutcomePublisher;
import io.clearsky.worker.pipeline.PipelineMetrics;
import io.clearsky.worker.pipeline.QueryPipeline;
import io.clearsky.worker.watchdog.StageWatchdog;
import io.clearsky.worker.watchdog.WatchdogProperties;
import io.clearsky.worker.pipeline.Stages;
import io.clearsky.worker.results.ResultStore;
import io.clearsky.worker.retrieval.HybridRetriever;
import io.clearsky.worker.retrieval.SchemaRetriever;
import io.clearsky.worker.security.Askers;
import io.clearsky.worker.session.SessionMemory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import software.amazon.awssdk.services.athena.AthenaAsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The worker's beans: the stages, the pipeline, and the consumer that feeds it. Stage beans back off
 * when another implementation is defined, so production backends plug in beside these.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WorkerProperties.class, AthenaProperties.class, GenerationProperties.class,
        ChartProperties.class, RetrievalProperties.class, WatchdogProperties.class })
@PropertySource("classpath:clearsky/worker-defaults.properties")
public class WorkerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Embeddings schemaEmbeddings(RetrievalProperties retrieval, LiveConfig liveConfig, AwsClients aws) {
        return SchemaIndexes.embeddings(retrieval, liveConfig.get(), aws);
    }

    @Bean
    @ConditionalOnMissingBean
    VectorIndex schemaIndex(Embeddings schemaEmbeddings, LiveConfig liveConfig, RetrievalProperties retrieval) {
        return SchemaIndexes.index(liveConfig.get(), schemaEmbeddings, retrieval);
    }

    @Bean
    @ConditionalOnMissingBean
    SchemaRetriever hybridRetriever(Catalog catalog, Embeddings schemaEmbeddings, VectorIndex schemaIndex,
            RetrievalProperties retrieval) {
        return new HybridRetriever(catalog, schemaEmbeddings, schemaIndex, retrieval.tables(), retrieval.tokenBudget());
    }

    @Bean
    @ConditionalOnMissingBean
    SqlGenerator sqlGenerator(GenerationProperties properties, LiveConfig liveConfig, AwsClients aws) {
        return SqlGenerators.create(properties, () -> liveConfig.get().chatbot(), aws);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "clearsky.lake.engine", havingValue = "athena")
    QueryEngine athenaEngine(AthenaAsyncClient athena, LiveConfig liveConfig, AthenaProperties properties) {
        return new AthenaEngine(athena, () -> liveConfig.get().chatbot().athena(), properties);
    }

    @Bean
    @ConditionalOnMissingBean
    QueryEngine duckDbEngine(DuckDbLake lake, LakeProperties properties) {
        return new DuckDbEngine(lake, properties.resultsDir());
    }

    @Bean(destroyMethod = "close")
    S3Presigner resultsPresigner(AwsClients aws) {
        return aws.s3Presigner();
    }

    @Bean
    ResultStore resultStore(S3Client s3Client, S3Presigner resultsPresigner, LiveConfig liveConfig,
            LakeProperties properties) {
        return new ResultStore(s3Client, resultsPresigner, () -> liveConfig.get().chatbot().s3(), properties.resultsDir());
    }

    @Bean
    Cancellations cancellations(WorkerProperties properties) {
        return new Cancellations(properties.ledgerLookback(), Clock.systemUTC());
    }

    @Bean
    TopicFollower cancelRequestFollower(KafkaProperties kafka, TopicProperties topics, WorkerProperties properties,
            Cancellations cancellations) {
        return new TopicFollower(follower(kafka, "clearsky-worker-control"), topics.queryControl(),
                properties.ledgerLookback(), new CancelRequestReader(cancellations));
    }

    @Bean
    SessionMemory sessionMemory(WorkerProperties properties, ContractSerdes serdes) {
        return new SessionMemory(properties.sessionMemory().maxSessions(), properties.sessionMemory().turns(),
                serdes.answers().deserializer());
    }

    @Bean
    TopicFollower answerFollower(KafkaProperties kafka, TopicProperties topics, WorkerProperties properties,
            SessionMemory sessionMemory) {
        return new TopicFollower(follower(kafka, "clearsky-worker-answers"), topics.answers(),
                properties.sessionMemory().lookback(), sessionMemory);
    }

    /** Every worker reads the whole compacted topic of verified questions and adds them to its models. */
    @Bean
    TopicFollower verifiedQuestionFollower(KafkaProperties kafka, TopicProperties topics,
            ObjectProvider<SemanticModels> semanticModels, StageWatchdog stageWatchdog) {
        SemanticModels models = semanticModels.getIfAvailable();
        return new TopicFollower(follower(kafka, "clearsky-worker-verified-questions"), topics.verifiedQuestions(),
                Duration.ofDays(365L * 50), (models != null) ? new VerifiedQuestionReader(models) : (record) -> { });
    }

    private static Map<String, Object> follower(KafkaProperties kafka, String clientId) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return consumer;
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> workerProducer(KafkaProperties kafka) {
        return DurableProducers.create(kafka.buildProducerProperties(), "clearsky-worker");
    }

    @Bean
    OutcomePublisher outcomePublisher(Producer<String, byte[]> workerProducer, TopicProperties topics,
            ContractSerdes serdes) {
        // In registry mode a schema the registry rejects stops the worker here, before it takes questions.
        serdes.registerAtStartup(null, topics.queryEvents(), topics.answers());
        return new OutcomePublisher(workerProducer, topics, serdes);
    }

    /** One audit record per terminal query, on the audit topic, through the worker's producer. */
    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(Producer<String, byte[]> workerProducer, TopicProperties topics) {
        return new AuditTrail(workerProducer, topics.audit());
    }

    /** Who asked each question: the record's principal, a configured direct publisher's, or nobody. */
    @Bean
    Askers askers(DataPolicies dataPolicies) {
        return new Askers(dataPolicies);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService queryDeadlines() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("clearsky-deadlines").daemon().factory());
    }

    @Bean(destroyMethod = "close")
    StageWatchdog stageWatchdog(WatchdogProperties properties) {
        return new StageWatchdog(properties, Clock.systemUTC()).start();
    }

    @Bean
    @ConditionalOnMissingBean
    ChartAdvisor chartAdvisor(ChartProperties properties) {
        return new ChartAdvisor(properties, new QuickChartLinks(properties));
    }

    @Bean
    QueryPipeline queryPipeline(SchemaRetriever retriever, SqlGenerator generator, SqlGuard guard, QueryEngine engine,
            ChartAdvisor chartAdvisor, ResultStore resultStore, Cancellations cancellations, SessionMemory sessionMemory,
            OutcomePublisher publisher, WorkerProperties properties, GenerationProperties generation,
            LiveConfig liveConfig, ObjectProvider<MeterRegistry> meters, Catalog catalog,
            ScheduledExecutorService queryDeadlines, Askers askers, AuditTrail auditTrail,
            ObjectProvider<SemanticModels> semanticModels, StageWatchdog stageWatchdog) {
        return new QueryPipeline(new Stages(retriever, generator, guard, engine, chartAdvisor, resultStore), cancellations,
                sessionMemory, publisher, properties, generation.maxAttempts(), liveConfig,
                new PipelineMetrics(meters.getIfAvailable(SimpleMeterRegistry::new)), catalog.defaultDatabase(),
                queryDeadlines, askers, auditTrail, semanticModels.getIfAvailable(), stageWatchdog);
    }

    @Bean
    QueryLedger queryLedger() {
        return new QueryLedger(100_000);
    }

    @Bean
    QuestionHandler questionHandler(WorkerProperties properties, OutcomePublisher publisher, TopicProperties topics,
            QueryLedger ledger, QueryPipeline pipeline, ContractSerdes serdes) {
        return new QuestionHandler(new QuestionDecoder(serdes.registry().orElse(null)), new QuestionValidator(properties.maxQuestionLength()),
                new DeadLetterPublisher(publisher, topics), ledger, pipeline);
    }

    @Bean
    QuestionConsumer questionConsumer(KafkaProperties kafka, WorkerProperties properties, TopicProperties topics,
            QuestionHandler handler, QueryLedger ledger, ContractSerdes serdes) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "clearsky-worker");
        LedgerRecovery recovery = new LedgerRecovery(consumer, topics.queryEvents(), topics.answers(),
                properties.ledgerLookback(), ledger, serdes.events().deserializer(), serdes.answers().deserializer());
        return new QuestionConsumer(consumer, topics.questions(), handler, recovery, properties.maxInFlight(),
                properties.shutdownGrace());
    }
}
