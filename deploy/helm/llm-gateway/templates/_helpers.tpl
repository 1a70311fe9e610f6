{{- define "llm-gateway.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "llm-gateway.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "llm-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "llm-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "llm-gateway.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "llm-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "llm-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "llm-gateway.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "llm-gateway.policyConfigMap" -}}
{{- default (printf "%s-policy" (include "llm-gateway.fullname" .)) .Values.policy.existingConfigMap -}}
{{- end -}}

{{/* Replicas that share Redis: while Redis is down each enforces 1/N of every limit. */}}
{{- define "llm-gateway.replicas" -}}
{{- if .Values.autoscaling.enabled -}}{{ .Values.autoscaling.minReplicas }}{{- else -}}{{ .Values.replicaCount }}{{- end -}}
{{- end -}}

{{/* Refuse values that would put a secret into a ConfigMap or a plain env var. */}}
{{- define "llm-gateway.validate" -}}
{{- if and .Values.redis.url (contains "@" .Values.redis.url) -}}
{{- fail "redis.url must not carry credentials: put the full URL in a Secret and set redis.existingSecret" -}}
{{- end -}}
{{- if and .Values.ledger.url (regexMatch "(?i)password=" .Values.ledger.url) -}}
{{- fail "ledger.url must not carry a password: set ledger.existingSecret (key ledger.passwordKey)" -}}
{{- end -}}
{{- if not .Values.policy.existingConfigMap -}}
{{- $policy := fromYaml .Values.policy.inline -}}
{{- if hasKey $policy "Error" -}}
{{- fail (printf "policy.inline is not valid YAML: %s" (get $policy "Error")) -}}
{{- end -}}
{{- range $i, $app := (default (list) $policy.apps) -}}
{{- $keys := concat (ternary (list $app.key) (list) (hasKey $app "key")) (default (list) $app.keys) -}}
{{- range $keys -}}
{{- if not (hasPrefix "sha256:" (toString .)) -}}
{{- fail (printf "policy.inline apps[%d]: app keys must be stored as sha256:<hex> (printf %%s \"$KEY\" | sha256sum), never in plain text" $i) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range .Values.extraEnv -}}
{{- if and (regexMatch "(?i)(_KEY$|PASSWORD|SECRET|TOKEN)" .name) (hasKey . "value") -}}
{{- fail (printf "extraEnv %s looks like a secret: use valueFrom.secretKeyRef, not value" .name) -}}
{{- end -}}
{{- end -}}
{{- $budget := add .Values.shutdown.preStopSeconds .Values.shutdown.drainSeconds 10 -}}
{{- if lt (int .Values.terminationGracePeriodSeconds) (int $budget) -}}
{{- fail (printf "terminationGracePeriodSeconds (%v) must cover shutdown.preStopSeconds + shutdown.drainSeconds + 10s for the ledger flush (%v)" .Values.terminationGracePeriodSeconds $budget) -}}
{{- end -}}
{{- if gt (int (include "llm-gateway.replicas" .)) 1 -}}
{{- if not (or .Values.redis.url .Values.redis.existingSecret) -}}
{{- fail "more than one replica needs shared limits and budgets: set redis.url or redis.existingSecret (or replicaCount: 1)" -}}
{{- end -}}
{{- if not .Values.ledger.url -}}
{{- fail "more than one replica needs a shared ledger: set ledger.url to PostgreSQL (or replicaCount: 1)" -}}
{{- end -}}
{{- end -}}
{{- end -}}
