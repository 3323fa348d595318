// The browser validator modules a server keeps: compiled once per key, the least recently asked for let go.
import { describe, expect, it } from 'vitest';
import { ValidatorModules } from '../../server/services/validator-modules.js';
import { importValidatorModule } from './helpers.js';

const needsName = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
const needsAge = { type: 'object', required: ['age'], properties: { age: { type: 'integer' } } };

describe('ValidatorModules', () => {
  describe('#moduleFor', () => {
    it('should compile a schema into a module that validates it', async () => {
      const validate = await importValidatorModule(new ValidatorModules().moduleFor('1:a', needsName));
      expect(validate({ name: 'Ann' })).toBe(true);
      expect(validate({})).toBe(false);
    });

    it('should hand back the module kept for a key, and compile again one let go', () => {
      // given a cache of two
      const modules = new ValidatorModules(2);
      const forName = modules.moduleFor('1:a', needsName);
      // when: the same key comes back (a key always names the same schema), and two others are asked for
      const kept = modules.moduleFor('1:a', needsAge);
      modules.moduleFor('1:b', needsAge);
      modules.moduleFor('1:a', needsName);
      modules.moduleFor('1:c', needsAge);
      // then: the kept module answered, '1:a' was asked for more lately than '1:b', which went
      expect(kept).toBe(forName);
      expect(modules.moduleFor('1:a', needsAge)).toBe(forName);
      expect(modules.moduleFor('1:b', needsName)).toBe(forName);
    });
  });
});
