{{/* Names and labels shared by every object of the release. */}}
{{- define "mentorship-map.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "mentorship-map.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (api, worker, admin); call with (list . "api"). */}}
{{- define "mentorship-map.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ $root.Chart.Name }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "mentorship-map.secretName" -}}
{{- .Values.secret.existingSecret | default (printf "%s-secrets" (include "mentorship-map.fullname" .)) -}}
{{- end -}}

{{- define "mentorship-map.serverImage" -}}
{{- printf "%s:%s" .Values.image.server.repository (.Values.image.server.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "mentorship-map.adminImage" -}}
{{- printf "%s:%s" .Values.image.admin.repository (.Values.image.admin.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/* Environment of the API, the worker and the migrations: the ConfigMap, then the Secret. */}}
{{- define "mentorship-map.serverEnv" -}}
envFrom:
  - configMapRef:
      name: {{ include "mentorship-map.fullname" . }}-config
  - secretRef:
      name: {{ include "mentorship-map.secretName" . }}
{{- end -}}

{{/* The server image runs as the image's `node` user; say so numerically so runAsNonRoot can check it. */}}
{{- define "mentorship-map.serverSecurityContext" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 1000
  runAsGroup: 1000
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
{{- end -}}
