internal import GuichetCore

/// The OpenAPI 3.1 description of guichet's JSON API, served at `/api/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: guichet
          version: "1.0"
          description: >-
            Read-only JSON API of guichet: full-text search over the dossier on the online-only procedures
            imposed on foreign nationals in France (French text; accents and case are folded, words are stemmed),
            and the observatory's open data (Licence Ouverte 2.0): how each procedure is reached in each
            département, with its sources, and the court decisions concerning each prefecture.
          license:
            name: AGPL-3.0-or-later
            identifier: AGPL-3.0-or-later
        servers:
          - url: /
        paths:
          /api/recherche:
            get:
              operationId: search
              summary: Search the dossier
              description: >-
                Any text is accepted and treated as plain words, never as query syntax. French stop words are
                ignored; at most 16 words are used; text beyond 10 000 characters is ignored.
              parameters:
                - name: q
                  in: query
                  required: false
                  description: Words to look for.
                  schema:
                    type: string
                - name: page
                  in: query
                  required: false
                  description: Page of results, from 1.
                  schema:
                    type: integer
                    minimum: 1
                    maximum: 10000
                    default: 1
              responses:
                "200":
                  description: One page of hits, best first.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/SearchResults"
                "400":
                  description: The page parameter is not a whole number between 1 and 10000.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Error"
          /donnees/observatoire.json:
            get:
              operationId: observatory
              summary: The observatory's reference data (Licence Ouverte 2.0)
              description: >-
                One entry per département of the court table; for each of the eight procedure families, the channel,
                whether a lawful alternative is announced, the date the fact is about, whether the national rule
                applies, and the sources with the date each was checked. `inconnu` where nothing is known.
              responses:
                "200":
                  description: The reference data.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Observatory"
          /donnees/observatoire-signalements.csv:
            get:
              operationId: observatoryReportsCSV
              summary: People's anonymous reports as CSV, only the cells with at least k reports
              description: >-
                Columns described by the Table Schema at /donnees/observatoire-signalements.schema.json (frictionless).
              responses:
                "200":
                  description: The CSV file.
                  content:
                    text/csv:
                      schema:
                        type: string
          /donnees/observatoire.csv:
            get:
              operationId: observatoryCSV
              summary: The same reference data as CSV (RFC 4180), one row per département and procedure
              description: >-
                Columns described by the Table Schema at /donnees/observatoire.schema.json (frictionless).
              responses:
                "200":
                  description: The CSV file.
                  content:
                    text/csv:
                      schema:
                        type: string
          /donnees/observatoire-incidents.csv:
            get:
              operationId: platformIncidentsCSV
              summary: The platforms' incidents (probes and people's reports) as CSV (RFC 4180, Licence Ouverte 2.0)
              description: >-
                One row per incident, newest first: the platform (`anef`, `france-visas`, `ofpra`, `rdv-<code>`), its
                start and end in UTC (empty while ongoing), the failed probes and the « site en panne » reports behind it
                (figures of at least k = 5 reports only), and the report weeks. Columns described by the Table Schema at
                /donnees/observatoire-incidents.schema.json (frictionless). An incident opens at two consecutive failed
                probes and closes at the next answer (docs/observatory.md).
              responses:
                "200":
                  description: The CSV file.
                  content:
                    text/csv:
                      schema:
                        type: string
          /donnees/observatoire-incidents.schema.json:
            get:
              operationId: platformIncidentsSchema
              summary: The Table Schema (frictionless) of the incidents' CSV, with its licence
              responses:
                "200":
                  description: The Table Schema.
                  content:
                    application/json:
                      schema:
                        type: object
        components:
          schemas:
            Observatory:
              type: object
              required: [licence, source, verifie_le, regles_nationales, departements, signalements, incidents]
              properties:
                licence:
                  type: object
                  required: [name, url]
                  properties:
                    name:
                      type: string
                      const: Licence Ouverte 2.0
                    url:
                      type: string
                      format: uri
                source:
                  type: string
                  format: uri
                verifie_le:
                  type: string
                  format: date
                regles_nationales:
                  type: array
                  description: The national rule of each procedure family, with its sources.
                  minItems: 8
                  maxItems: 8
                  items:
                    $ref: "#/components/schemas/ObservatoryFact"
                departements:
                  type: array
                  description: >-
                    Each département's facts; a fact that follows the national rule (regle_nationale true) cites its
                    sources in regles_nationales.
                  minItems: 101
                  maxItems: 101
                  items:
                    $ref: "#/components/schemas/ObservatoryDepartment"
                signalements:
                  $ref: "#/components/schemas/ObservatoryReports"
                incidents:
                  type: array
                  description: >-
                    The platforms' incidents, newest first, as in /donnees/observatoire-incidents.csv (times in UTC).
                  items:
                    type: object
                    required: [plateforme, debut, en_cours, sondages_en_echec, signalements, semaines_signalees]
                    properties:
                      plateforme:
                        type: string
                      debut:
                        type: string
                        format: date-time
                      fin:
                        type: string
                        format: date-time
                        description: Absent while the incident is ongoing.
                      en_cours:
                        type: boolean
                      sondages_en_echec:
                        type: integer
                        minimum: 0
                      signalements:
                        type: integer
                        minimum: 0
                      semaines_signalees:
                        type: array
                        items:
                          type: string
                          pattern: "^[0-9]{4}-W[0-9]{2}$"
            ObservatoryReports:
              type: object
              description: >-
                People's anonymous reports, per département, procedure, ISO week and outcome. A cell is published only
                when at least k reports make it up (k-anonymity); smaller cells are left out, never shown.
              required: [k, cellules]
              properties:
                k:
                  type: integer
                  minimum: 5
                cellules:
                  type: array
                  items:
                    type: object
                    required: [departement, procedure, semaine, issue, nombre]
                    properties:
                      departement:
                        type: string
                        pattern: "^([0-9]{2}|2A|2B|97[1-6])$"
                      procedure:
                        type: string
                        enum: [\(Observatory.Procedure.allCases.map(\.rawValue).joined(separator: ", "))]
                      semaine:
                        type: string
                        pattern: "^[0-9]{4}-W[0-9]{2}$"
                      issue:
                        type: string
                        enum: [\(Observatory.Outcome.allCases.map(\.rawValue).joined(separator: ", "))]
                      nombre:
                        type: integer
                        minimum: 5
            ObservatoryDepartment:
              type: object
              required: [code, nom, prefecture, faits, decisions]
              properties:
                code:
                  type: string
                  pattern: "^([0-9]{2}|2A|2B|97[1-6])$"
                nom:
                  type: string
                prefecture:
                  type: string
                faits:
                  type: array
                  minItems: 8
                  maxItems: 8
                  items:
                    $ref: "#/components/schemas/ObservatoryFact"
                decisions:
                  type: array
                  items:
                    $ref: "#/components/schemas/ObservatoryDecision"
            ObservatoryFact:
              type: object
              required: [procedure, canal, alternative, regle_nationale, sources]
              properties:
                procedure:
                  type: string
                  enum: [sejour-premiere-demande, sejour-renouvellement, naturalisation, dcem-tci, titre-de-voyage, asile-guichet-unique, autorisation-travail, caf]
                canal:
                  type: string
                  enum: [anef, rdv-en-ligne, courriel, courrier, guichet, demarches-simplifiees, inconnu]
                alternative:
                  type: string
                  enum: [oui, non, inconnu]
                a_la_date_du:
                  type: string
                  format: date
                regle_nationale:
                  type: boolean
                note:
                  type: string
                sources:
                  type: array
                  items:
                    type: object
                    required: [titre, url, verifie_le]
                    properties:
                      titre:
                        type: string
                      url:
                        type: string
                        format: uri
                      verifie_le:
                        type: string
                        format: date
            ObservatoryDecision:
              type: object
              required: [url, titre, date, procedures, issue]
              properties:
                url:
                  type: string
                  format: uri
                titre:
                  type: string
                date:
                  type: string
                  format: date
                procedures:
                  type: array
                  items:
                    type: string
                issue:
                  type: string
                  enum: [favorable, defavorable, partiel, inconnu]
                note:
                  type: string
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: string
            SearchResults:
              type: object
              required: [query, words, total, page, pageSize, results]
              properties:
                query:
                  type: string
                  description: The query as received (truncated to 10 000 characters).
                words:
                  type: array
                  description: The words actually searched for.
                  items:
                    type: string
                total:
                  type: integer
                  minimum: 0
                page:
                  type: integer
                  minimum: 1
                pageSize:
                  type: integer
                  minimum: 1
                results:
                  type: array
                  items:
                    $ref: "#/components/schemas/SearchHit"
            SearchHit:
              type: object
              required: [title, url, type, date, snippet, highlights]
              properties:
                title:
                  type: string
                url:
                  type: string
                  format: uri
                type:
                  type: string
                  enum: [rubrique, communique, analyse, decision, rapport, formation, rassemblement, article, texte]
                date:
                  type: string
                  format: date
                snippet:
                  type: string
                  description: Plain-text excerpt around the matched words.
                highlights:
                  type: array
                  description: The words of the excerpt that matched.
                  items:
                    type: string

        """
}
