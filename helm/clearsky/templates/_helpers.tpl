{{- define "clearsky.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "clearsky.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "clearsky.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "clearsky.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "clearsky.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "clearsky.gatewayHeadless" -}}
{{ include "clearsky.fullname" . }}-gateway-headless
{{- end -}}

{{/* Autoscaling actually used for workers: keda, hpa or none. */}}
{{- define "clearsky.workerScaling" -}}
{{- $mode := .Values.worker.autoscaling.mode -}}
{{- if eq $mode "auto" -}}
{{- if .Capabilities.APIVersions.Has "keda.sh/v1alpha1" -}}keda{{- else -}}hpa{{- end -}}
{{- else -}}
{{- $mode -}}
{{- end -}}
{{- end -}}

{{/* The original service's environment and the Kafka settings, shared by gateway and worker. */}}
{{- define "clearsky.env" -}}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ .Values.kafka.bootstrapServers | quote }}
- name: CLEARSKY_TOPICS_QUESTIONS
  value: {{ .Values.kafka.topics.questions | quote }}
- name: CLEARSKY_TOPICS_PARTITIONS
  value: {{ .Values.kafka.topics.partitions | quote }}
- name: CLEARSKY_TOPICS_REPLICATION_FACTOR
  value: {{ .Values.kafka.topics.replicationFactor | quote }}
{{- with .Values.kafka.schemaRegistry }}
{{- if .url }}
- name: CLEARSKY_SCHEMA_REGISTRY_URL
  value: {{ .url | quote }}
- name: CLEARSKY_SCHEMA_REGISTRY_SUBJECT_NAMING
  value: {{ .subjectNaming | quote }}
{{- if and .credentialsSecret (eq .auth "bearer") }}
- name: CLEARSKY_SCHEMA_REGISTRY_BEARER_TOKEN
  valueFrom:
    secretKeyRef: {name: {{ .credentialsSecret | quote }}, key: bearer-token}
{{- else if .credentialsSecret }}
- name: CLEARSKY_SCHEMA_REGISTRY_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ .credentialsSecret | quote }}, key: username}
- name: CLEARSKY_SCHEMA_REGISTRY_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .credentialsSecret | quote }}, key: password}
{{- end }}
{{- end }}
{{- end }}
{{- if .Values.config.bucket }}
- name: CONFIG_BUCKET
  value: {{ .Values.config.bucket | quote }}
{{- end }}
- name: CHATBOT_CONFIG_KEY
  value: {{ .Values.config.chatbotKey | quote }}
- name: VECTORSTORE_CONFIG_KEY
  value: {{ .Values.config.vectorstoreKey | quote }}
- name: AWS_REGION
  value: {{ .Values.config.awsRegion | quote }}
- name: LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: JSON_LOGS
  value: {{ .Values.config.jsonLogs | quote }}
- name: CLEARSKY_LAKE_ENGINE
  value: {{ .Values.lake.engine | quote }}
- name: CLEARSKY_GENERATION_GENERATOR
  value: {{ .Values.generation.generator | quote }}
- name: CLEARSKY_RETRIEVAL_EMBEDDINGS
  value: {{ .Values.retrieval.embeddings | quote }}
{{- with .Values.generation.openai }}
{{- if .baseUrl }}
- name: CLEARSKY_GENERATION_OPENAI_BASE_URL
  value: {{ .baseUrl | quote }}
{{- end }}
{{- if .model }}
- name: CLEARSKY_GENERATION_OPENAI_MODEL
  value: {{ .model | quote }}
{{- end }}
{{- if .apiKeySecret }}
- name: CLEARSKY_GENERATION_OPENAI_API_KEY
  valueFrom:
    secretKeyRef: {name: {{ .apiKeySecret | quote }}, key: api-key}
{{- end }}
{{- end }}
{{- if .Values.lake.demo }}
- name: CLEARSKY_LAKE_DUCKDB_PATH
  value: /lake/demo.duckdb
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Builds the demo lake into the pod's lake volume before the application starts. */}}
{{- define "clearsky.lakeInit" -}}
{{- if .root.Values.lake.demo }}
initContainers:
  - name: demo-lake
    image: "{{ .root.Values.worker.image.repository }}:{{ .root.Values.worker.image.tag }}"
    imagePullPolicy: {{ .root.Values.worker.image.pullPolicy }}
    command: ["java", "-cp", "/app/BOOT-INF/classes:/app/BOOT-INF/lib/*", "io.clearsky.core.lake.DemoLake", "/lake/demo.duckdb"]
    securityContext:
      {{- toYaml .root.Values.securityContext | nindent 6 }}
    volumeMounts:
      - {name: lake, mountPath: /lake}
      - {name: tmp, mountPath: /tmp}
{{- end }}
{{- end -}}

{{/*
Kafka security of one component (dict "root" . "secret" <its Secret>): SPRING_KAFKA_* variables that Spring
Boot hands to every Kafka client (producers, consumers, admin, Streams) as spring.kafka.properties.*.
*/}}
{{- define "clearsky.kafkaSecurityEnv" -}}
{{- $security := .root.Values.kafka.security -}}
{{- if eq $security.mode "scram" }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: {{ $security.scramMechanism | quote }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ .secret | quote }}, key: username}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .secret | quote }}, key: password}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="$(KAFKA_SASL_USERNAME)" password="$(KAFKA_SASL_PASSWORD)";'
{{- else if eq $security.mode "mtls" }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: SSL
- name: SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_LOCATION
  value: /etc/clearsky/kafka/keystore/keystore.p12
- name: SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_TYPE
  value: PKCS12
- name: SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .secret | quote }}, key: keystore-password}
- name: SPRING_KAFKA_PROPERTIES_SSL_KEY_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .secret | quote }}, key: keystore-password}
{{- else if eq $security.mode "msk-iam" }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: AWS_MSK_IAM
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: software.amazon.msk.auth.iam.IAMLoginModule required;
- name: SPRING_KAFKA_PROPERTIES_SASL_CLIENT_CALLBACK_HANDLER_CLASS
  value: software.amazon.msk.auth.iam.IAMClientCallbackHandler
{{- end }}
{{- if and (has $security.mode (list "scram" "mtls")) $security.truststoreSecret }}
- name: SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION
  value: /etc/clearsky/kafka/truststore/truststore.p12
- name: SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE
  value: PKCS12
- name: SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $security.truststoreSecret | quote }}, key: truststore-password}
{{- end }}
{{- end -}}

{{/* The key and trust stores of one component's Kafka TLS (dict "root" . "secret" <its Secret>), as volumes. */}}
{{- define "clearsky.kafkaSecurityVolumes" -}}
{{- $security := .root.Values.kafka.security -}}
{{- if eq $security.mode "mtls" }}
- name: kafka-keystore
  secret: {secretName: {{ .secret | quote }}, items: [{key: keystore.p12, path: keystore.p12}]}
{{- end }}
{{- if and (has $security.mode (list "scram" "mtls")) $security.truststoreSecret }}
- name: kafka-truststore
  secret: {secretName: {{ $security.truststoreSecret | quote }}, items: [{key: truststore.p12, path: truststore.p12}]}
{{- end }}
{{- end -}}

{{- define "clearsky.kafkaSecurityMounts" -}}
{{- $security := .root.Values.kafka.security -}}
{{- if eq $security.mode "mtls" }}
- {name: kafka-keystore, mountPath: /etc/clearsky/kafka/keystore, readOnly: true}
{{- end }}
{{- if and (has $security.mode (list "scram" "mtls")) $security.truststoreSecret }}
- {name: kafka-truststore, mountPath: /etc/clearsky/kafka/truststore, readOnly: true}
{{- end }}
{{- end -}}
