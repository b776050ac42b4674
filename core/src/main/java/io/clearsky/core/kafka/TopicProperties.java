package io.clearsky.core.kafka;

import io.clearsky.schemas.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic names and how ClearSky creates them when they do not exist yet.
 *
 * @param questions the intake topic of {@code QuestionSubmitted} records
 * @param queryEvents the status-event topic
 * @param answers the terminal-answer topic
 * @param queryControl the topic of requests to stop queries, read by every worker
 * @param questionsDlq the dead-letter topic for unreadable or invalid questions
 * @param config the compacted topic that carries configuration revisions to every instance
 * @param audit the audit topic of {@code AuditRecord} records
 * @param feedback the topic of users' verdicts on answers
 * @param verifiedQuestions the compacted topic of verified question-to-SQL pairs promoted from answers
 * @param partitions partitions of each query topic; the questions, events and answers topics must share it
 * so that a query's records land on the same partition number everywhere
 * @param replicationFactor replication factor of each created topic
 */
@ConfigurationProperties("clearsky.topics")
public record TopicProperties(String questions, String queryEvents, String answers, String queryControl, String questionsDlq, String config,
        String audit, String feedback, String verifiedQuestions, Integer partitions, Short replicationFactor) {

    public TopicProperties {
        questions = (questions != null) ? questions : Topics.QUESTIONS;
        queryEvents = (queryEvents != null) ? queryEvents : Topics.QUERY_EVENTS;
        answers = (answers != null) ? answers : Topics.ANSWERS;
        queryControl = (queryControl != null) ? queryControl : Topics.QUERY_CONTROL;
        questionsDlq = (questionsDlq != null) ? questionsDlq : Topics.QUESTIONS_DLQ;
        config = (config != null) ? config : Topics.CONFIG;
        audit = (audit != null) ? audit : Topics.AUDIT;
        feedback = (feedback != null) ? feedback : Topics.FEEDBACK;
        verifiedQuestions = (verifiedQuestions != null) ? verifiedQuestions : Topics.VERIFIED_QUESTIONS;
        partitions = (partitions != null) ? partitions : 6;
        replicationFactor = (replicationFactor != null) ? replicationFactor : 1;
    }
}
