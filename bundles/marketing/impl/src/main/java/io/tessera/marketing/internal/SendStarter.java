package io.tessera.marketing.internal;

import io.tessera.platform.api.schedule.ScheduledTask;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "marketing.sends" (every minute unless etc/io.tessera.scheduler.cfg says otherwise): starts the
 * scheduled sends now due (each once: SCHEDULED → RUNNING is a conditional update). A send whose start or job a
 * restart cut short is resumed by hand (POST /marketing/sends/{id}/resume).
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=marketing.sends", ScheduledTask.INTERVAL + "=PT1M"})
public class SendStarter implements ScheduledTask {

    private final SendServiceImpl sends;

    @Activate
    public SendStarter(@Reference SendServiceImpl sends) {
        this.sends = sends;
    }

    @Override
    public String run() {
        int started = 0;
        for (long id : sends.due(50)) {
            started += sends.start(id) ? 1 : 0;
        }
        return started + " send(s) started";
    }
}
