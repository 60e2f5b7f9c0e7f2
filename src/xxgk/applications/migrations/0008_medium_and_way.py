"""信息的载体形式 (`delivery`: paper or electronic) and 获取信息的方式 (`way`) in two fields:
当面领取, 邮寄 and 网络平台获取, once offered as a `delivery`, move to `way`."""

from django.db import migrations, models

WAYS = ("pickup", "post", "online")


def ways_out_of_delivery(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    for way in WAYS:
        Application.objects.filter(delivery=way).update(way=way, delivery="")


def ways_back_into_delivery(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    for way in WAYS:
        Application.objects.filter(delivery="", way=way).update(delivery=way)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0007_sealed_personal_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="way",
            field=models.CharField(
                blank=True,
                choices=[
                    ("post", "邮寄"),
                    ("email", "电子邮件"),
                    ("pickup", "当面领取"),
                    ("online", "网上查询下载"),
                ],
                max_length=20,
                verbose_name="获取信息的方式",
            ),
        ),
        migrations.RunPython(ways_out_of_delivery, ways_back_into_delivery),
        migrations.AlterField(
            model_name="application",
            name="delivery",
            field=models.CharField(
                blank=True,
                choices=[("paper", "纸质文本"), ("electronic", "电子文本")],
                max_length=20,
                verbose_name="信息的载体形式",
            ),
        ),
    ]
