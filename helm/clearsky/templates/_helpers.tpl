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
