package io.clearsky.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void passwordsInUrlsAreMasked() {
        assertThat(Secrets.redact("cannot connect to postgresql+psycopg://app:pa:ss@db.internal:5432/kb"))
                .isEqualTo("cannot connect to postgresql+psycopg://app:****@db.internal:5432/kb");
    }

    @Test
    void passwordKeyValuesAreMasked() {
        assertThat(Secrets.redact("host=db user=app password=hunter2 dbname=kb"))
                .isEqualTo("host=db user=app password=**** dbname=kb");
    }

    @Test
    void awsKeysAreMasked() {
        assertThat(Secrets.redact("key AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG"))
                .isEqualTo("key **** aws_secret_access_key=****");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        assertThat(Secrets.redact("s3://bucket/key: object not found")).isEqualTo("s3://bucket/key: object not found");
        assertThat(Secrets.redact(null)).isNull();
    }
}
