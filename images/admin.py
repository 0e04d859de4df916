from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from images import services
from images.forms import ImageForm
from images.models import Image


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["title", "alt", "decorative", "width", "height", "renditions_state", "created_at"]
    list_filter = ["decorative", "renditions_state"]
    search_fields = ["title", "alt", "credit"]
    actions = ["remake_renditions"]
    readonly_fields = ["focal_picker", "width", "height", "renditions_state", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "file", "alt", "decorative", "language"]}),
        (_("Focal point"), {"fields": ["focal_picker", ("focal_x", "focal_y")]}),
        (_("Credit and licence"), {"fields": ["credit", "licence"]}),
        (_("Renditions"), {"fields": ["width", "height", "renditions_state", "created_at", "updated_at"]}),
    ]

    class Media:
        js = ["images/focal.js"]
        css = {"all": ["images/admin.css"]}

    @admin.display(description=_("choose by clicking"))
    def focal_picker(self, image):
        if not image.pk or not image.file:
            return _("Save the image first; then click on it to choose the point crops keep in view.")
        return format_html(
            '<span class="focal-picker"><img src="{}" alt="" width="{}" height="{}" data-focal-picker>'
            '<span class="focal-marker" aria-hidden="true"></span></span>',
            image.file.url,
            image.width,
            image.height,
        )

    @admin.action(description=_("Make the renditions again (after a failure)"), permissions=["change"])
    def remake_renditions(self, request, queryset):
        for image in queryset:
            services.schedule_renditions(image=image)
        self.message_user(request, _("Renditions queued; pages show a plain box of the same size until they are made."))

    def save_model(self, request, obj, form, change):
        old_file = form.initial.get("file")
        super().save_model(request, obj, form, change)
        if not change or {"file", "focal_x", "focal_y"} & set(form.changed_data):
            services.schedule_renditions(image=obj)
        if change and "file" in form.changed_data and old_file:
            services.forget_original(name=str(old_file))

    def delete_model(self, request, obj):
        services.delete_image(image=obj)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            services.delete_image(image=image)
