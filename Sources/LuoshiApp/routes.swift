import Vapor

func routes(_ app: Application) throws {
    PublicPagesController.register(app)
    SiteController.register(app)
    CatalogAPIController.register(app)
    AccountController.register(app)
    AdminController.register(app)
    SessionAPIController.register(app)
    PlanFilesController.register(app)
    PlanManageController.register(app)
    TaskWorkController.register(app)
    TaskEditController.register(app)
    PlanEditController.register(app)
    DirectoryController.register(app)
    DispatchController.register(app)
    BulletinController.register(app)
    SupervisionController.register(app)
    AssessmentController.register(app)
    InspectionController.register(app)
    InstructionController.register(app)
    ReminderController.register(app)
    DispatchAPIController.register(app)
}
