/// The OpenAPI 3.1 description of guichet's JSON API, served at `/api/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: guichet
          version: "1.0"
          description: >-
            Read-only JSON API of guichet: full-text search over the dossier on the online-only procedures
            imposed on foreign nationals in France. French text; accents and case are folded, words are stemmed.
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
        components:
          schemas:
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
