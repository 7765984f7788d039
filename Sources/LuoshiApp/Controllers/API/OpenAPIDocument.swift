/// The OpenAPI 3.1 description of every `/api` route. A test checks that each registered API
/// route is described here and that responses match; schemathesis checks it against the server.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Luoshi (落实) API",
    "version": "1.0.0",
    "description": "Read API for issued Government Work Report decomposition plans: plans, parts, tasks, units and leaders. Errors are {\"error\": {\"code\", \"message\", \"field\"}}."
  },
  "servers": [{"url": "/"}],
  "paths": {
    "/api/v1/plans": {
      "get": {
        "operationId": "listPlans",
        "summary": "Public (issued) plans, newest first",
        "responses": {
          "200": {"description": "Plans", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PlanSummary"}}}}}
        }
      },
      "post": {
        "operationId": "createPlan",
        "summary": "Create an empty draft plan (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanEdit"}}}},
        "responses": {
          "201": {"description": "The new plan's id and version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}": {
      "get": {
        "operationId": "getPlan",
        "summary": "One plan with its parts",
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "responses": {
          "200": {"description": "The plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDetail"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "put": {
        "operationId": "updatePlan",
        "summary": "Edit a plan's own fields until it is issued",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanEdit"}}}},
        "responses": {
          "200": {"description": "The plan's id and new version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}/tasks": {
      "get": {
        "operationId": "listPlanTasks",
        "summary": "A plan's tasks in number order, optionally filtered",
        "parameters": [
          {"$ref": "#/components/parameters/PlanID"},
          {"name": "part", "in": "query", "required": false, "description": "Part number", "schema": {"type": "integer", "minimum": 1}},
          {"name": "unit", "in": "query", "required": false, "description": "A unit leading or cooperating on the task", "schema": {"type": "string", "format": "uuid"}},
          {"name": "leader", "in": "query", "required": false, "description": "A responsible leader", "schema": {"type": "string", "format": "uuid"}},
          {"name": "kind", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/TaskKind"}}
        ],
        "responses": {
          "200": {"description": "Tasks", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Task"}}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "post": {
        "operationId": "createTask",
        "summary": "Add a task to a plan not yet issued (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskEdit"}}}},
        "responses": {
          "201": {"description": "The new task and its version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SavedTask"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "The plan is issued", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/tasks/{taskID}": {
      "get": {
        "operationId": "getTask",
        "summary": "One task",
        "parameters": [{"name": "taskID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {
          "200": {"description": "The task", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "put": {
        "operationId": "updateTask",
        "summary": "Edit a task of a plan not yet issued (supervision office). `version` must be the one read; a stale one gets 409",
        "security": [{"bearer": []}],
        "parameters": [{"name": "taskID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskEdit"}}}},
        "responses": {
          "200": {"description": "The saved task and its new version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SavedTask"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "Stale version, or the plan is issued", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/tasks/{taskID}/work": {
      "get": {
        "operationId": "getTaskWork",
        "summary": "A task's charters with history, change requests, revisions and consultation comments (internal users; unit staff only for their own tasks)",
        "security": [{"bearer": []}],
        "parameters": [{"name": "taskID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {
          "200": {"description": "The task's work", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskWork"}}}},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/leaders/{leaderID}": {
      "put": {
        "operationId": "updateLeader",
        "summary": "Edit a county leader",
        "security": [{"bearer": []}],
        "parameters": [{"name": "leaderID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LeaderEdit"}}}},
        "responses": {
          "200": {"description": "The leader's id and new version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}/parts": {
      "post": {
        "operationId": "createPart",
        "summary": "Add a part to a plan not yet issued",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PartEdit"}}}},
        "responses": {
          "201": {"description": "The new part's id and version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}/parts/{number}": {
      "put": {
        "operationId": "updatePart",
        "summary": "Renumber or retitle a part (its tasks follow; their ids stay)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}, {"name": "number", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PartEdit"}}}},
        "responses": {
          "200": {"description": "The part's id and new version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}/rounds": {
      "get": {
        "operationId": "listRounds",
        "summary": "A plan's reporting rounds (internal users)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "responses": {
          "200": {"description": "Rounds, oldest first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Round"}}}}},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "post": {
        "operationId": "openRound",
        "summary": "Open a reporting round for a month of an issued plan (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OpenRound"}}}},
        "responses": {
          "201": {"description": "The new round", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Round"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A round for that month exists, or the plan is not issued", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}/dashboard": {
      "get": {
        "operationId": "getDashboard",
        "summary": "Dashboard data for the caller's scope (whole plan, a leader's portfolio, a unit's tasks) as of a date",
        "security": [{"bearer": []}],
        "parameters": [
          {"$ref": "#/components/parameters/PlanID"},
          {"name": "asOf", "in": "query", "required": false, "description": "Default: the latest closed round's due date", "schema": {"$ref": "#/components/schemas/Date"}}
        ],
        "responses": {
          "200": {"description": "Counts by colour, by part and by month, the red and likely-to-miss tasks", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Dashboard"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/rounds/{roundID}": {
      "get": {
        "operationId": "getRound",
        "summary": "A round and its pipeline: each task and lead unit with its stage (unit staff: their own tasks)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/RoundID"}],
        "responses": {
          "200": {"description": "The round", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RoundDetail"}}}},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/rounds/{roundID}/tasks/{taskID}": {
      "get": {
        "operationId": "getTaskInRound",
        "summary": "A task's reports (with history and attachments) and cooperating inputs in a round",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/RoundID"}, {"$ref": "#/components/parameters/TaskID"}],
        "responses": {
          "200": {"description": "Reports and inputs", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskInRound"}}}},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/rounds/{roundID}/tasks/{taskID}/report": {
      "put": {
        "operationId": "saveReport",
        "summary": "Save (step save) or submit (step submit) the caller's unit's report; version 0 for a new one",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/RoundID"}, {"$ref": "#/components/parameters/TaskID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReportEdit"}}}},
        "responses": {
          "200": {"description": "The task's reports and inputs after the write", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskInRound"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not unit staff", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a submitted (locked) report, or not a lead unit of the task", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/rounds/{roundID}/tasks/{taskID}/input": {
      "put": {
        "operationId": "saveInput",
        "summary": "Save the caller's cooperating unit's input; version 0 for a new one",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/RoundID"}, {"$ref": "#/components/parameters/TaskID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InputEdit"}}}},
        "responses": {
          "200": {"description": "The task's reports and inputs after the write", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskInRound"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not unit staff", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, or not a cooperating unit of the task", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/rounds/{roundID}/tasks/{taskID}/review": {
      "post": {
        "operationId": "reviewReport",
        "summary": "Accept a submitted report with verified progress and status, or return it with a reason (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/RoundID"}, {"$ref": "#/components/parameters/TaskID"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}}},
        "responses": {
          "200": {"description": "The task's reports and inputs after the review", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaskInRound"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, or a report not awaiting review", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/rounds/{roundID}/tasks/{taskID}/attachments": {
      "post": {
        "operationId": "attachEvidence",
        "summary": "Attach an evidence file (multipart field file) to the caller's unit's draft or returned report",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/RoundID"}, {"$ref": "#/components/parameters/TaskID"}],
        "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["file"],
          "properties": {"file": {"type": "string", "contentMediaType": "application/octet-stream"}}}}}},
        "responses": {
          "201": {"description": "The stored file", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Attachment"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not unit staff", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "No editable report of the caller's unit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "413": {"description": "Over the size limit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/plans/{planID}/ledger": {
      "get": {
        "operationId": "getLedger",
        "summary": "Every task's expected, verified and reported progress (percent), status, colour and explanation as of a date (internal users)",
        "security": [{"bearer": []}],
        "parameters": [
          {"$ref": "#/components/parameters/PlanID"},
          {"name": "asOf", "in": "query", "required": false, "description": "Default: the latest closed round's due date", "schema": {"$ref": "#/components/schemas/Date"}}
        ],
        "responses": {
          "200": {"description": "The ledger", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ledger"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/plans/{planID}/versions": {
      "get": {
        "operationId": "listPlanVersions",
        "summary": "The versions stored at each lifecycle step (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [{"$ref": "#/components/parameters/PlanID"}],
        "responses": {
          "200": {"description": "Versions, oldest first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PlanVersion"}}}}},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/plans/{planID}/versions/compare": {
      "get": {
        "operationId": "comparePlanVersions",
        "summary": "Tasks added, removed and changed (field by field) between two versions",
        "security": [{"bearer": []}],
        "parameters": [
          {"$ref": "#/components/parameters/PlanID"},
          {"name": "from", "in": "query", "required": true, "schema": {"type": "integer", "minimum": 1}},
          {"name": "to", "in": "query", "required": true, "schema": {"type": "integer", "minimum": 1}}
        ],
        "responses": {
          "200": {"description": "The differences", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanComparison"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/units": {
      "get": {
        "operationId": "listUnits",
        "summary": "Every unit, departments first",
        "responses": {
          "200": {"description": "Units", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/UnitSummary"}}}}}
        }
      },
      "post": {
        "operationId": "createUnit",
        "summary": "Add a unit with its aliases (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitEdit"}}}},
        "responses": {
          "201": {"description": "The new unit's id and version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/units/{unitID}": {
      "get": {
        "operationId": "getUnit",
        "summary": "One unit with the public tasks it leads and cooperates on",
        "parameters": [{"name": "unitID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
        "responses": {
          "200": {"description": "The unit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitDetail"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "put": {
        "operationId": "updateUnit",
        "summary": "Edit a unit and replace its aliases",
        "security": [{"bearer": []}],
        "parameters": [{"name": "unitID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitEdit"}}}},
        "responses": {
          "200": {"description": "The unit's id and new version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/leaders": {
      "get": {
        "operationId": "listLeaders",
        "summary": "County leaders in protocol order",
        "responses": {
          "200": {"description": "Leaders", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/LeaderSummary"}}}}}
        }
      },
      "post": {
        "operationId": "createLeader",
        "summary": "Add a county leader (supervision office)",
        "security": [{"bearer": []}],
        "parameters": [],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LeaderEdit"}}}},
        "responses": {
          "201": {"description": "The new leader's id and version", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Saved"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "403": {"description": "Not the supervision office", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"description": "A stale version, a taken name or number, or an issued plan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/session": {
      "post": {
        "operationId": "createSession",
        "summary": "Sign in with a username and password; returns a short-lived bearer token",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "required": ["username", "password"],
          "properties": {"username": {"type": "string", "maxLength": 256}, "password": {"type": "string", "maxLength": 256}}}}}},
        "responses": {
          "201": {"description": "A bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SessionToken"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"description": "Wrong username or password (the same answer for both)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "423": {"description": "The account is locked after repeated failures", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "429": {"description": "Too many failures from this address", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "operationId": "getMe",
        "summary": "The signed-in user and role",
        "security": [{"bearer": []}],
        "responses": {
          "200": {"description": "The current user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
          "401": {"description": "No valid bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "operationId": "getOpenAPI",
        "summary": "This document",
        "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer", "description": "A personal access token or a token from POST /api/v1/session"}
    },
    "parameters": {
      "PlanID": {"name": "planID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
      "RoundID": {"name": "roundID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
      "TaskID": {"name": "taskID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
    },
    "responses": {
      "BadRequest": {"description": "A malformed id or filter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such object", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {
        "type": "object", "required": ["error"], "additionalProperties": false,
        "properties": {"error": {"type": "object", "required": ["code", "message", "field"], "additionalProperties": false,
          "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": ["string", "null"]}}}}
      },
      "SessionToken": {"type": "object", "required": ["token", "expiresAt"], "additionalProperties": false,
        "properties": {"token": {"type": "string"}, "expiresAt": {"type": "string", "format": "date-time"}}},
      "Me": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "username", "displayName", "role", "jurisdictionCode", "unitID", "leaderID", "isUnitHead", "mustChangePassword"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "username": {"type": "string"}, "displayName": {"type": "string"},
          "role": {"type": "string", "enum": ["supervisor", "leader", "unitStaff", "viewer", "systemAdmin", "securityAdmin", "auditAdmin"]},
          "jurisdictionCode": {"type": "string"},
          "unitID": {"type": ["string", "null"], "format": "uuid"}, "leaderID": {"type": ["string", "null"], "format": "uuid"},
          "isUnitHead": {"type": "boolean"}, "mustChangePassword": {"type": "boolean"}
        }
      },
      "Date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
      "Saved": {"type": "object", "required": ["id", "version"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "version": {"type": "integer"}}},
      "UnitEdit": {"type": "object", "required": ["name", "kind"], "additionalProperties": false,
        "properties": {"name": {"type": "string", "maxLength": 100}, "shortName": {"type": ["string", "null"]},
          "kind": {"type": "string", "enum": ["department", "township", "street", "developmentZone", "other"]},
          "aliases": {"type": ["array", "null"], "items": {"type": "string"}}, "version": {"type": ["integer", "null"]}}},
      "LeaderEdit": {"type": "object", "required": ["name", "post"], "additionalProperties": false,
        "properties": {"name": {"type": "string", "maxLength": 50}, "post": {"type": "string", "maxLength": 50},
          "portfolio": {"type": ["string", "null"]}, "version": {"type": ["integer", "null"]}}},
      "PlanEdit": {"type": "object", "required": ["year", "title", "issuingBody"], "additionalProperties": false,
        "properties": {"year": {"type": "integer"}, "title": {"type": "string", "maxLength": 200}, "issuingBody": {"type": "string"},
          "reportApprovedOn": {"type": ["string", "null"]}, "reportApprovedBy": {"type": ["string", "null"]}, "version": {"type": ["integer", "null"]}}},
      "PartEdit": {"type": "object", "required": ["number", "title"], "additionalProperties": false,
        "properties": {"number": {"type": "integer", "minimum": 1, "maximum": 99}, "title": {"type": "string", "maxLength": 200},
          "version": {"type": ["integer", "null"]}}},
      "Round": {"type": "object", "required": ["id", "month", "dueDate", "status"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "month": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
          "dueDate": {"$ref": "#/components/schemas/Date"}, "status": {"type": "string", "enum": ["open", "closed"]}}},
      "OpenRound": {"type": "object", "required": ["month"], "additionalProperties": false,
        "properties": {"month": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}, "dueDate": {"type": ["string", "null"], "description": "Default: the 25th"}}},
      "RoundDetail": {"type": "object", "required": ["id", "month", "dueDate", "status", "version", "rows"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "month": {"type": "string"}, "dueDate": {"$ref": "#/components/schemas/Date"},
          "status": {"type": "string", "enum": ["open", "closed"]}, "version": {"type": "integer"},
          "rows": {"type": "array", "items": {"type": "object", "required": ["taskID", "number", "unitID", "stage", "late"], "additionalProperties": false,
            "properties": {"taskID": {"type": "string", "format": "uuid"}, "number": {"type": "string"}, "unitID": {"type": "string", "format": "uuid"},
              "stage": {"type": "string", "enum": ["notStarted", "draft", "submitted", "returned", "accepted", "missing"]}, "late": {"type": "boolean"}}}}}},
      "Attachment": {"type": "object", "required": ["id", "fileName", "contentType", "size", "url"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "fileName": {"type": "string"}, "contentType": {"type": "string"},
          "size": {"type": "integer"}, "url": {"type": "string", "description": "Download (same authorisation as the report)"}}},
      "ProgressStatus": {"type": "string", "enum": ["notStarted", "onTrack", "ahead", "lagging", "completed", "overdue", "missing"]},
      "TaskInRound": {"type": "object", "required": ["roundID", "taskID", "number", "reports", "inputs"], "additionalProperties": false,
        "properties": {"roundID": {"type": "string", "format": "uuid"}, "taskID": {"type": "string", "format": "uuid"}, "number": {"type": "string"},
          "reports": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "required": ["unitID", "status", "workDone", "milestonesReached", "problems", "nextPlan", "late", "returnReason", "reviewNote", "version", "attachments", "history"],
            "properties": {"unitID": {"type": "string", "format": "uuid"}, "status": {"type": "string", "enum": ["draft", "submitted", "returned", "accepted"]},
              "workDone": {"type": "string"}, "progress": {"type": "integer", "description": "Self-reported, percent"}, "milestonesReached": {"type": "string"},
              "problems": {"type": "string"}, "nextPlan": {"type": "string"}, "selfStatus": {"$ref": "#/components/schemas/ProgressStatus"},
              "submittedOn": {"type": "string"}, "late": {"type": "boolean"}, "returnReason": {"type": "string"},
              "verifiedProgress": {"type": "integer", "description": "Set by the office on acceptance, percent"}, "verifiedStatus": {"$ref": "#/components/schemas/ProgressStatus"},
              "reviewNote": {"type": "string"}, "version": {"type": "integer"},
              "attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}},
              "history": {"type": "array", "items": {"type": "object", "required": ["step", "status", "comment", "actor", "at"], "additionalProperties": false,
                "properties": {"step": {"type": "string"}, "status": {"type": "string"}, "comment": {"type": "string"}, "actor": {"type": "string"}, "at": {"type": "string"}}}}}}},
          "inputs": {"type": "array", "items": {"type": "object", "required": ["unitID", "text", "updatedBy", "version"], "additionalProperties": false,
            "properties": {"unitID": {"type": "string", "format": "uuid"}, "text": {"type": "string"}, "updatedBy": {"type": "string"}, "version": {"type": "integer"}}}}}},
      "ReportEdit": {"type": "object", "required": ["step", "version"], "additionalProperties": false,
        "properties": {"step": {"type": "string", "enum": ["save", "submit"]}, "version": {"type": "integer", "minimum": 0},
          "workDone": {"type": "string"}, "progress": {"type": ["integer", "null"], "minimum": 0, "maximum": 100}, "milestonesReached": {"type": "string"},
          "problems": {"type": "string"}, "nextPlan": {"type": "string"}, "selfStatus": {"type": ["string", "null"]}}},
      "InputEdit": {"type": "object", "required": ["text", "version"], "additionalProperties": false,
        "properties": {"text": {"type": "string"}, "version": {"type": "integer", "minimum": 0}}},
      "Review": {"type": "object", "required": ["unitID", "step", "version"], "additionalProperties": false,
        "properties": {"unitID": {"type": "string", "format": "uuid"}, "step": {"type": "string", "enum": ["accept", "return"]}, "version": {"type": "integer"},
          "verifiedProgress": {"type": ["integer", "null"], "minimum": 0, "maximum": 100}, "verifiedStatus": {"type": ["string", "null"]},
          "note": {"type": ["string", "null"]}, "reason": {"type": ["string", "null"]}}},
      "ColourCounts": {"type": "object", "additionalProperties": {"type": "integer"}, "propertyNames": {"enum": ["green", "yellow", "red", "blue"]}},
      "Dashboard": {"type": "object", "required": ["asOf", "ruleSet", "scope", "total", "byColour", "byPart", "trend", "red", "likelyToMiss"], "additionalProperties": false,
        "properties": {"asOf": {"$ref": "#/components/schemas/Date"}, "ruleSet": {"type": "string"}, "scope": {"type": "string"}, "total": {"type": "integer"},
          "byColour": {"$ref": "#/components/schemas/ColourCounts"},
          "byPart": {"type": "array", "items": {"type": "object", "required": ["number", "title", "counts"], "additionalProperties": false,
            "properties": {"number": {"type": "integer"}, "title": {"type": "string"}, "counts": {"$ref": "#/components/schemas/ColourCounts"}}}},
          "trend": {"type": "array", "items": {"type": "object", "required": ["month", "counts"], "additionalProperties": false,
            "properties": {"month": {"type": "string"}, "counts": {"$ref": "#/components/schemas/ColourCounts"}}}},
          "red": {"type": "array", "items": {"type": "string", "format": "uuid"}},
          "likelyToMiss": {"type": "array", "items": {"type": "string", "format": "uuid"}}}},
      "Ledger": {"type": "object", "required": ["asOf", "ruleSet", "rows"], "additionalProperties": false,
        "properties": {"asOf": {"$ref": "#/components/schemas/Date"}, "ruleSet": {"type": "string"},
          "rows": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "required": ["taskID", "number", "expectedProgress", "verifiedProgress", "reportedProgress", "status", "colour", "explanation", "likelyToMiss"],
            "properties": {"taskID": {"type": "string", "format": "uuid"}, "number": {"type": "string"},
              "expectedProgress": {"type": "number"}, "verifiedProgress": {"type": ["number", "null"]}, "reportedProgress": {"type": ["number", "null"]},
              "status": {"type": "string", "enum": ["notStarted", "onTrack", "ahead", "lagging", "completed", "overdue", "missing"]},
              "colour": {"type": "string", "enum": ["green", "yellow", "red", "blue"]}, "explanation": {"type": "string"},
              "likelyToMiss": {"type": "boolean"}}}}}},
      "TaskEdit": {
        "type": "object", "additionalProperties": false, "required": ["number", "content", "kind", "leadUnits"],
        "properties": {
          "number": {"type": "string", "pattern": "^[1-9][0-9]*\\.[1-9][0-9]*$"}, "content": {"type": "string", "maxLength": 4000},
          "kind": {"$ref": "#/components/schemas/TaskKind"}, "deadline": {"type": ["string", "null"]},
          "annualTarget": {"type": ["string", "null"]}, "measures": {"type": ["string", "null"]},
          "leadUnits": {"type": "array", "items": {"type": "string"}, "description": "Unit names: full, short or alias"},
          "cooperatingUnits": {"type": ["array", "null"], "items": {"type": "string"}},
          "leaders": {"type": ["array", "null"], "items": {"type": "string"}},
          "milestones": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Milestone"}},
          "version": {"type": ["integer", "null"], "description": "Required when editing: the version read"}
        }
      },
      "SavedTask": {"type": "object", "required": ["task", "version"], "additionalProperties": false,
        "properties": {"task": {"$ref": "#/components/schemas/Task"}, "version": {"type": "integer"}}},
      "PlanVersion": {"type": "object", "required": ["number", "status", "createdAt", "createdBy"], "additionalProperties": false,
        "properties": {"number": {"type": "integer"}, "status": {"type": "string", "enum": ["draft", "consultation", "approved", "issued"]},
          "createdAt": {"type": "string"}, "createdBy": {"type": "string"}}},
      "PlanComparison": {"type": "object", "required": ["from", "to", "changes"], "additionalProperties": false,
        "properties": {"from": {"type": "integer"}, "to": {"type": "integer"},
          "changes": {"type": "array", "items": {"type": "object", "required": ["kind", "task", "field", "before", "after"], "additionalProperties": false,
            "properties": {"kind": {"type": "string", "enum": ["added", "removed", "changed"]}, "task": {"type": "string"},
              "field": {"type": "string"}, "before": {"type": "string"}, "after": {"type": "string"}}}}}},
      "UnitName": {"type": "object", "required": ["id", "name"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}}},
      "TaskWork": {
        "type": "object", "additionalProperties": false, "required": ["taskID", "number", "charters", "changeRequests", "revisions", "comments"],
        "properties": {
          "taskID": {"type": "string", "format": "uuid"}, "number": {"type": "string"},
          "charters": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "required": ["unit", "status", "version", "content", "history"],
            "properties": {
              "unit": {"$ref": "#/components/schemas/UnitName"},
              "status": {"type": "string", "enum": ["draft", "submitted", "approved", "returned"]}, "version": {"type": "integer"},
              "content": {"type": "object", "additionalProperties": false,
                "required": ["quarters", "months", "roadmap", "measures", "annualTarget", "milestones", "completesOn", "owner"],
                "properties": {
                  "quarters": {"type": "array", "minItems": 4, "maxItems": 4, "items": {"type": "object", "required": ["target", "expectedPercent"],
                    "properties": {"target": {"type": "string"}, "expectedPercent": {"type": "integer", "minimum": 0, "maximum": 100}}}},
                  "months": {"type": "array", "minItems": 12, "maxItems": 12, "items": {"type": "string"}},
                  "roadmap": {"type": "string"}, "measures": {"type": "string"}, "annualTarget": {"type": "string"},
                  "milestones": {"type": "array", "items": {"type": "object", "required": ["title", "due"], "properties": {"title": {"type": "string"}, "due": {"type": "string"}}}},
                  "completesOn": {"type": "string"},
                  "owner": {"type": "object", "required": ["leader", "section", "staff", "contact"],
                    "properties": {"leader": {"type": "string"}, "section": {"type": "string"}, "staff": {"type": "string"}, "contact": {"type": "string"}}}
                }},
              "history": {"type": "array", "items": {"type": "object", "required": ["step", "status", "comment", "actor", "at"],
                "properties": {"step": {"type": "string"}, "status": {"type": "string"}, "comment": {"type": "string"}, "actor": {"type": "string"}, "at": {"type": "string"}}}}
            }}},
          "changeRequests": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "required": ["id", "unit", "kind", "currentValue", "proposed", "reason", "status", "note", "requestedBy", "decidedBy", "decidedOn", "version"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "unit": {"$ref": "#/components/schemas/UnitName"},
              "kind": {"type": "string", "enum": ["deadline", "target"]}, "currentValue": {"type": "string"}, "proposed": {"type": "string"},
              "reason": {"type": "string"}, "status": {"type": "string", "enum": ["pending", "approved", "rejected"]}, "note": {"type": "string"},
              "requestedBy": {"type": "string"}, "decidedBy": {"type": "string"}, "decidedOn": {"type": "string"}, "version": {"type": "integer"}
            }}},
          "revisions": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "required": ["kind", "before", "after", "approvedOn", "approvedBy"],
            "properties": {"kind": {"type": "string", "enum": ["deadline", "target"]}, "before": {"type": "string"}, "after": {"type": "string"},
              "approvedOn": {"type": "string"}, "approvedBy": {"type": "string"}}}},
          "comments": {"type": "array", "items": {"type": "object", "additionalProperties": false,
            "required": ["id", "unit", "stance", "text", "author", "decision", "reply", "version"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "unit": {"$ref": "#/components/schemas/UnitName"},
              "stance": {"type": "string", "enum": ["agree", "propose"]}, "text": {"type": "string"}, "author": {"type": "string"},
              "decision": {"type": "string", "enum": ["pending", "adopted", "notAdopted"]}, "reply": {"type": "string"}, "version": {"type": "integer"}}}}
        }
      },
      "PlanStatus": {"type": "string", "enum": ["draft", "consultation", "approved", "issued"]},
      "TaskKind": {"type": "string", "enum": ["phased", "ongoing"]},
      "UnitKind": {"type": "string", "enum": ["department", "township", "street", "developmentZone", "other"]},
      "Jurisdiction": {"type": "object", "required": ["code", "name"], "additionalProperties": false,
        "properties": {"code": {"type": "string", "pattern": "^[1-9][0-9]{5}$"}, "name": {"type": "string"}}},
      "LocalizedText": {"type": "object", "required": ["zh", "en"], "additionalProperties": false,
        "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}},
      "PlanSummary": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "year", "title", "jurisdiction", "status", "documentNumber", "taskCount", "illustrative"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "year": {"type": "integer"}, "title": {"type": "string"},
          "jurisdiction": {"$ref": "#/components/schemas/Jurisdiction"}, "status": {"$ref": "#/components/schemas/PlanStatus"},
          "documentNumber": {"type": ["string", "null"]}, "taskCount": {"type": "integer", "minimum": 0},
          "illustrative": {"type": "boolean", "description": "true for sample data"}
        }
      },
      "PartSummary": {"type": "object", "required": ["number", "title", "taskCount"], "additionalProperties": false,
        "properties": {"number": {"type": "integer", "minimum": 1}, "title": {"type": "string"}, "taskCount": {"type": "integer", "minimum": 0}}},
      "PlanDetail": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "year", "title", "jurisdiction", "status", "documentNumber", "taskCount", "illustrative", "indexNumber", "issuingBody", "stages", "notice", "parts",
                     "subjectWords", "disclosureMode", "writtenOn", "validity"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "year": {"type": "integer"}, "title": {"type": "string"},
          "jurisdiction": {"$ref": "#/components/schemas/Jurisdiction"}, "status": {"$ref": "#/components/schemas/PlanStatus"},
          "documentNumber": {"type": ["string", "null"]}, "indexNumber": {"type": ["string", "null"]}, "issuingBody": {"type": "string"},
          "stages": {"type": "object", "required": ["draft", "consultation", "approved", "issued"], "additionalProperties": false,
            "properties": {
              "draft": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]},
              "consultation": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]},
              "approved": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]},
              "issued": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}]}}},
          "taskCount": {"type": "integer", "minimum": 0}, "illustrative": {"type": "boolean"},
          "notice": {"oneOf": [{"$ref": "#/components/schemas/LocalizedText"}, {"type": "null"}], "description": "Set when the plan is illustrative sample data"},
          "parts": {"type": "array", "items": {"$ref": "#/components/schemas/PartSummary"}},
          "subjectWords": {"type": ["string", "null"], "description": "主题词"},
          "disclosureMode": {"enum": ["proactive", "onRequest", "notPublic"], "description": "公开方式: 主动公开, 依申请公开, 不予公开"},
          "writtenOn": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}], "description": "成文日期"},
          "validity": {"enum": ["valid", "superseded", "repealed"], "description": "有效性: 有效, 失效（已被替代）, 废止"}
        }
      },
      "UnitRef": {"type": "object", "required": ["id", "name", "shortName", "kind"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "shortName": {"type": "string"}, "kind": {"$ref": "#/components/schemas/UnitKind"}}},
      "LeaderRef": {"type": "object", "required": ["id", "name", "post"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "post": {"type": "string"}}},
      "Milestone": {"type": "object", "required": ["title", "due"], "additionalProperties": false,
        "properties": {"title": {"type": "string"}, "due": {"$ref": "#/components/schemas/Date"}}},
      "Task": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "planID", "number", "part", "content", "kind", "deadline", "annualTarget", "measures", "leadUnits", "cooperatingUnits", "leaders", "milestones"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "planID": {"type": "string", "format": "uuid"},
          "number": {"type": "string", "pattern": "^[1-9][0-9]*\\.[1-9][0-9]*$"}, "part": {"type": "integer", "minimum": 1},
          "content": {"type": "string"}, "kind": {"$ref": "#/components/schemas/TaskKind"},
          "deadline": {"oneOf": [{"$ref": "#/components/schemas/Date"}, {"type": "null"}], "description": "Phased tasks"},
          "annualTarget": {"type": ["string", "null"], "description": "Ongoing tasks"},
          "measures": {"type": ["string", "null"]},
          "leadUnits": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/UnitRef"}},
          "cooperatingUnits": {"type": "array", "items": {"$ref": "#/components/schemas/UnitRef"}},
          "leaders": {"type": "array", "items": {"$ref": "#/components/schemas/LeaderRef"}},
          "milestones": {"type": "array", "items": {"$ref": "#/components/schemas/Milestone"}}
        }
      },
      "TaskRef": {"type": "object", "required": ["id", "planID", "number", "content"], "additionalProperties": false,
        "properties": {"id": {"type": "string", "format": "uuid"}, "planID": {"type": "string", "format": "uuid"}, "number": {"type": "string"}, "content": {"type": "string"}}},
      "UnitSummary": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "name", "shortName", "aliases", "kind", "jurisdiction", "leadTaskCount", "cooperatingTaskCount"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "shortName": {"type": "string"},
          "aliases": {"type": "array", "items": {"type": "string"}}, "kind": {"$ref": "#/components/schemas/UnitKind"},
          "jurisdiction": {"$ref": "#/components/schemas/Jurisdiction"},
          "leadTaskCount": {"type": "integer", "minimum": 0}, "cooperatingTaskCount": {"type": "integer", "minimum": 0}
        }
      },
      "UnitDetail": {"type": "object", "required": ["unit", "leadTasks", "cooperatingTasks"], "additionalProperties": false,
        "properties": {"unit": {"$ref": "#/components/schemas/UnitSummary"},
          "leadTasks": {"type": "array", "items": {"$ref": "#/components/schemas/TaskRef"}},
          "cooperatingTasks": {"type": "array", "items": {"$ref": "#/components/schemas/TaskRef"}}}},
      "LeaderSummary": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "name", "post", "portfolio", "jurisdiction", "taskCount"],
        "properties": {
          "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "post": {"type": "string"},
          "portfolio": {"type": "string"}, "jurisdiction": {"$ref": "#/components/schemas/Jurisdiction"},
          "taskCount": {"type": "integer", "minimum": 0}
        }
      }
    }
  }
}
"""#
}
