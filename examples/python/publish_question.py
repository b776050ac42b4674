#!/usr/bin/env python3
"""Publishes one question as JSON onto clearsky.questions and waits for its answer record.

Uses confluent-kafka (Debian: python3-confluent-kafka). The answer's value is Avro (single-object, or
Confluent wire in registry mode); this example only waits for the record keyed by the query id and
prints where it landed. Usage:
    python3 examples/python/publish_question.py --bootstrap 127.0.0.1:19092 "How many customers are there?"
"""
import argparse
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, Producer, TopicPartition


def publish(bootstrap, question, query_id):
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True})
    record = {
        "queryId": query_id,
        "sessionId": "python-" + query_id,
        "question": question,
        "submittedAt": int(time.time() * 1000),
        "source": "python-example",
    }
    errors = []
    producer.produce("clearsky.questions", key=query_id, value=json.dumps(record).encode("utf-8"),
                     headers=[("content-type", b"application/json")],
                     on_delivery=lambda err, msg: errors.append(err) if err else None)
    producer.flush(30)
    if errors:
        raise SystemExit("question not delivered: %s" % errors[0])


def await_answer(bootstrap, query_id, timeout_seconds):
    # A group of its own, as a publishing team's consumer would have; reads from the beginning so an
    # answer written before the subscription is seen too.
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "python-example-" + query_id,
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe(["clearsky.answers"])
    deadline = time.time() + timeout_seconds
    try:
        while time.time() < deadline:
            message = consumer.poll(1.0)
            if message is None or message.error():
                continue
            if message.key() is not None and message.key().decode("utf-8") == query_id:
                return message
        return None
    finally:
        consumer.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", default="127.0.0.1:19092")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("question")
    args = parser.parse_args()
    query_id = str(uuid.uuid4())
    publish(args.bootstrap, args.question, query_id)
    print("published", query_id, flush=True)
    answer = await_answer(args.bootstrap, query_id, args.timeout)
    if answer is None:
        print("no answer for", query_id, file=sys.stderr)
        return 1
    print("answered", query_id, "partition", answer.partition(), "offset", answer.offset(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
